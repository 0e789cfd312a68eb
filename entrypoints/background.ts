import { defineBackground } from 'wxt/utils/define-background';
import { GUIDES } from '@/lib/builtin/guide';
import { startBackground } from '@/lib/commands/background-effects';
import { db } from '@/lib/db/database';
import { readPackagedRecognition, shippedRecogniser } from '@/lib/recognition/recogniser-shipped';
import { LEARNING_SITE_ORIGINS } from '@/lib/builtin/learning-sites';

export default defineBackground(() => {
  startBackground({
    db: db(),
    guides: GUIDES,
    recognise: shippedRecogniser(readPackagedRecognition),
    learningSiteOrigins: LEARNING_SITE_ORIGINS,
    contentScriptFile: 'learning-page.js',
    chipScriptFile: 'chip.js',
  });
});
