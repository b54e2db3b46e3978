// sysroot/progress.ts — how a download shows its progress.
//
// Takes: a label (the URL), the expected size and a stream (stderr). Hands on: a Progress that
// redraws one bar line in place when the stream is a terminal (at most ten times a second), and
// otherwise prints a plain line when the download starts and one when it ends, so logs of CI
// runs stay readable.

export interface Progress {
  update(bytes: number): void;
  /** the download ended: the bar is replaced by a summary line (ok) or erased (failure) */
  end(ok: boolean): void;
}

export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

const REDRAW_MS = 100;

export function startProgress(label: string, total: number, stream: ProgressStream): Progress {
  const started = Date.now();
  const elapsed = (): number => (Date.now() - started) / 1000;
  const summary = (bytes: number): string => `pync: downloaded ${label} (${formatBytes(bytes)} in ${elapsed().toFixed(1)} s)\n`;
  if (!stream.isTTY) {
    stream.write(`pync: downloading ${label} (${formatBytes(total)})\n`);
    let last = 0;
    return {
      update: (bytes) => void (last = bytes),
      end: (ok) => void (ok && stream.write(summary(last))),
    };
  }
  let lastDraw = 0;
  let last = 0;
  const draw = (bytes: number): void => {
    const seconds = elapsed();
    const rate = seconds > 0 ? `${formatBytes(bytes / seconds)}/s` : '';
    const figures = ` ${Math.floor((100 * bytes) / total)
      .toString()
      .padStart(3)}% ${formatBytes(bytes)}/${formatBytes(total)} ${rate}`;
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - figures.length - 4));
    const filled = Math.min(width, Math.round((width * bytes) / total));
    stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]${figures}\x1b[K`);
  };
  stream.write(`pync: downloading ${label}\n`);
  draw(0);
  return {
    update(bytes) {
      last = bytes;
      const now = Date.now();
      if (now - lastDraw < REDRAW_MS) return;
      lastDraw = now;
      draw(bytes);
    },
    end(ok) {
      stream.write('\r\x1b[K');
      if (ok) stream.write(summary(last));
    },
  };
}

/** 2769054 → '2.6 MB' (binary multiples, as du -h). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${Math.round(n)} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
