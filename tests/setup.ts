import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installFakePermissions } from './helpers/fake-permissions';

beforeEach(() => {
  fakeBrowser.reset();
  installFakePermissions();
});

afterEach(() => {
  cleanup();
});
