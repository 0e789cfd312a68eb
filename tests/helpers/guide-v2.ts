import { BUILTIN_GUIDE } from '@/lib/builtin/guide';
import type { Guide } from '@/lib/schemas/guide';

/**
 * A made-up content version 2 of the built-in guide that exercises every kind of change: a
 * rename, a merge of two items, a split of one into two, and a removal.
 */
export function guideV2(): Guide {
  const v2: Guide = structuredClone(BUILTIN_GUIDE);
  const [l1, l2] = v2.levels;
  const rename = (from: string, to: string) => {
    const item = v2.levels.flatMap((l) => l.items).find((i) => i.id === from)!;
    item.id = to;
  };
  rename('request-journey-dns-tcp', 'request-lifecycle-trace');
  // merge: https-tls-basics + http-message-anatomy → http-foundations
  l1!.items = l1!.items.filter((i) => i.id !== 'http-message-anatomy');
  rename('https-tls-basics', 'http-foundations');
  // split: sql-crud-statements → sql-reading-queries + sql-writing-statements
  const crud = l2!.items.find((i) => i.id === 'sql-crud-statements')!;
  crud.id = 'sql-reading-queries';
  l2!.items.splice(1, 0, { ...crud, id: 'sql-writing-statements', text: `${crud.text} (writes)` });
  // removal
  l1!.items = l1!.items.filter((i) => i.id !== 'http-methods-crud-mapping');
  v2.contentVersion = 2;
  v2.revisions = [
    {
      fromVersion: 1,
      toVersion: 2,
      idMap: {
        'request-journey-dns-tcp': 'request-lifecycle-trace',
        'https-tls-basics': 'http-foundations',
        'http-message-anatomy': 'http-foundations',
        'sql-crud-statements': ['sql-reading-queries', 'sql-writing-statements'],
        'http-methods-crud-mapping': null,
      },
    },
  ];
  return v2;
}
