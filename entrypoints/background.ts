import { defineBackground } from 'wxt/utils/define-background';
import { GUIDES } from '@/lib/builtin/guide';
import { startBackground } from '@/lib/commands/background-effects';
import { db } from '@/lib/db/database';
import { recognisePage } from '@/lib/recognition/recogniser-shipped';
import { learningSitePatterns } from '@/lib/site-access/patterns-shipped';

export default defineBackground(() => {
  startBackground({
    db: db(),
    guides: GUIDES,
    recognise: recognisePage,
    learningSitePatterns,
    contentScriptFile: 'learning-page.js',
    chipScriptFile: 'chip.js',
  });
});
