// A bar or line chart (Chart.js) that survives re-renders: bind ref(chart.attach) to a canvas and call
// chart.show(data) from render(); the chart is rebuilt only when the data changes.
import { Chart, registerables } from 'chart.js';

Chart.register(...registerables);

const COLOURS = ['#0b5cad', '#1e7a3c'];

export class SeriesChart {
  /** @param type 'bar' or 'line'; horizontal bars when indexAxis is 'y' */
  constructor(type, indexAxis) {
    this.type = type;
    this.indexAxis = indexAxis || 'x';
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

  /** data: {labels: [text], series: [{label, values: [n]}]} */
  show(data) {
    const key = JSON.stringify(data);
    if (key === this.key) return;
    this.key = key;
    this.data = data;
    if (this.chart) {
      // same shape: update in place, no flicker on the dashboard's refresh
      this.chart.data.labels = data.labels;
      data.series.forEach((s, i) => {
        if (this.chart.data.datasets[i]) Object.assign(this.chart.data.datasets[i], { data: s.values, label: s.label });
      });
      if (this.chart.data.datasets.length === data.series.length) { this.chart.update('none'); return; }
      this.destroy();
    }
    queueMicrotask(() => this.draw());
  }

  draw() {
    if (!this.canvas || !this.data || this.chart || !this.canvas.isConnected) return;
    const value = this.indexAxis === 'y' ? 'x' : 'y';
    this.chart = new Chart(this.canvas, {
      type: this.type,
      data: {
        labels: this.data.labels,
        datasets: this.data.series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: COLOURS[i % COLOURS.length] + (this.type === 'line' ? '33' : ''),
          borderColor: COLOURS[i % COLOURS.length], borderWidth: 2, fill: this.type === 'line', tension: 0.2, pointRadius: 2 })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: this.indexAxis,
        plugins: { legend: { display: this.data.series.length > 1 } },
        scales: { [value]: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  }

  destroy() {
    if (this.chart) this.chart.destroy();
    this.chart = null;
  }
}
