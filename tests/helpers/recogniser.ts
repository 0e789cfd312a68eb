import recognition from 'virtual:levelmate/recognition';
import { shippedRecogniser } from '@/lib/recognition/recogniser-shipped';

/**
 * The background's own recogniser over the data the build ships (which the extension reads
 * from recognition.json.gz; tests import the same data as a module).
 */
export const recognisePage = shippedRecogniser(async () => recognition);
