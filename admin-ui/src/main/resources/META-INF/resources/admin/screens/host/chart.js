// An answer-distribution bar chart (Chart.js) that survives re-renders: bind ref(chart.attach) to a
// canvas and call chart.show(data) from render(); the chart is rebuilt only when the data changes.
import { Chart, registerables } from 'chart.js';
import { LETTERS, tileKind, TILE_COLOURS } from './shapes.js';

Chart.register(...registerables);

export class DistributionChart {
  /** @param big larger fonts for the projector */
  constructor(big) {
    this.big = big;
    this.canvas = null;
    this.chart = null;
    this.key = null;
    this.data = null;
    this.attach = (canvas) => {
      if (canvas === this.canvas) return;
      this.destroy();
      this.canvas = canvas || null;
      this.draw();
    };
  }

  /** data: {counts: [n...], correct: [indexes], labels?: [text]} */
  show(data) {
    const key = JSON.stringify(data);
    if (key === this.key) return;
    this.key = key;
    this.data = data;
    if (this.chart) { this.chart.destroy(); this.chart = null; }
    // the canvas may arrive later in this render: draw after it
    queueMicrotask(() => this.draw());
  }

  draw() {
    if (!this.canvas || !this.data || this.chart || !this.canvas.isConnected) return;
    const { counts, correct } = this.data;
    const right = new Set(correct || []);
    const colours = counts.map((n, i) => TILE_COLOURS[tileKind(i)] + (right.size === 0 || right.has(i) ? '' : '59'));
    // the presenter unit of host.css: 1vh on 16:9, less on a 4:3 projector
    const size = this.big ? Math.round(Math.min(window.innerHeight, window.innerWidth * 0.5625) / 30) : 14;
    this.chart = new Chart(this.canvas, {
      type: 'bar',
      data: {
        labels: counts.map((n, i) => (right.has(i) ? '✓ ' : '') + (this.data.labels ? this.data.labels[i] : LETTERS[i])),
        datasets: [{ data: counts, backgroundColor: colours, borderColor: colours.map((c) => c.slice(0, 7)), borderWidth: 3 }],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: false }, tooltip: { enabled: !this.big } },
        scales: {
          x: { ticks: { font: { size, weight: 'bold' }, color: this.big ? '#ffffff' : '#1b1f24' }, grid: { display: false } },
          y: { beginAtZero: true, ticks: { precision: 0, font: { size: Math.round(size * 0.8) }, color: this.big ? '#e0e6ee' : '#1b1f24' },
            grid: { color: this.big ? 'rgba(255,255,255,0.15)' : 'rgba(0,0,0,0.1)' } },
        },
      },
    });
  }

  destroy() {
    if (this.chart) this.chart.destroy();
    this.chart = null;
  }
}
