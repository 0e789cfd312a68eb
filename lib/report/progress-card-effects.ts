import type { ProgressCard } from './progress-card';

export const CARD_SIZE = { width: 1200, height: 630 };

/**
 * Draws the card on a canvas: no network, no web fonts, only the system's sans-serif. The
 * colours are the extension's own, light, so the picture reads in any chat or document.
 */
export function drawProgressCard(canvas: HTMLCanvasElement, card: ProgressCard): void {
  const { width, height } = CARD_SIZE;
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('this browser cannot draw the card');
  g.fillStyle = '#f5f6fb';
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#3b5bdb';
  g.fillRect(0, 0, width, 12);

  g.fillStyle = '#5b6178';
  g.font = '600 28px system-ui, sans-serif';
  g.fillText(`${card.title} · Levelmate`, 60, 80);
  g.fillStyle = '#1b1e2b';
  g.font = '700 56px system-ui, sans-serif';
  g.fillText(card.level, 60, 150);
  g.font = '400 30px system-ui, sans-serif';
  g.fillStyle = '#3d4262';
  g.fillText(`${card.overall} · ${card.streak}`, 60, 200);

  const top = 250;
  const rowHeight = 46;
  const barLeft = 520;
  const barWidth = 540;
  card.levels.forEach((level, i) => {
    const y = top + i * rowHeight;
    g.font = `${level.current ? '700' : '500'} 24px system-ui, sans-serif`;
    g.fillStyle = level.current ? '#1b1e2b' : '#5b6178';
    g.fillText(`${level.label} ${level.name}`, 60, y + 24);
    g.fillStyle = '#dde1f0';
    g.fillRect(barLeft, y + 6, barWidth, 22);
    g.fillStyle = level.percent >= 80 ? '#2b8a3e' : '#3b5bdb';
    g.fillRect(barLeft, y + 6, (barWidth * level.percent) / 100, 22);
    g.fillStyle = '#1b1e2b';
    g.font = '600 22px system-ui, sans-serif';
    g.fillText(`${level.percent}%`, barLeft + barWidth + 16, y + 25);
  });
  g.fillStyle = '#8a90a8';
  g.font = '400 20px system-ui, sans-serif';
  g.fillText(card.date, 60, height - 28);
}

/** The card as a PNG file. */
export function cardPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no image'))), 'image/png'),
  );
}
