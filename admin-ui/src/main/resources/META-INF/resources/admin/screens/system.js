// The System screen (administrators): this node's live figures for operators without Grafana. The
// server gives totals and current values (/api/system/figures); rates come from two readings here.
import { html, nothing } from 'lit-html';
import { ref } from 'lit-html/directives/ref.js';
import { api } from '../lib/api.js';
import { t, num } from '../lib/i18n.js';
import { Screen } from '../lib/screen.js';
import { errorBox, pageHeader, spinner } from '../lib/ui.js';
import { SeriesChart } from './contest/charts.js';

/** How often the screen reads the figures while it is open. */
export const REFRESH_MS = 2000;
/** Readings kept for the charts: two minutes at the refresh rate. */
const HISTORY = 60;
const MB = 1024 * 1024;

export class SystemScreen extends Screen {
  title() {
    return t('system.title');
  }

  async enter() {
    this.history = [];
    this.playersChart = new SeriesChart('line');
    this.ratesChart = new SeriesChart('line');
    this.latencyChart = new SeriesChart('line');
    this.heapChart = new SeriesChart('line');
    await this.refresh();
    this.timer = setInterval(() => this.refresh().then(() => this.update()), REFRESH_MS);
  }

  leave() {
    clearInterval(this.timer);
    [this.playersChart, this.ratesChart, this.latencyChart, this.heapChart].forEach((c) => c && c.destroy());
  }

  async refresh() {
    try {
      const figures = await api.get('/api/system/figures');
      const previous = this.history[this.history.length - 1];
      this.history.push({ figures, rates: previous ? rates(previous.figures, figures) : null });
      if (this.history.length > HISTORY) this.history.shift();
      this.error = null;
    } catch (e) {
      this.error = e;
    }
  }

  render() {
    const last = this.history && this.history[this.history.length - 1];
    if (!last) return html`${pageHeader(t('system.title'))}${errorBox(this.error)}${this.error ? nothing : spinner()}`;
    const f = last.figures;
    const r = last.rates || { joins: 0, accepted: 0, refused: 0, relayIn: 0, relayOut: 0 };
    const points = this.history.filter((h) => h.rates);
    const labels = points.map((h) => clock(h.figures.at));
    this.playersChart.show({ labels, series: [{ label: t('system.players'), values: points.map((h) => h.figures.playersConnected) }] });
    this.ratesChart.show({ labels, series: [
      { label: t('system.joinsPerSecond'), values: points.map((h) => round(h.rates.joins)) },
      { label: t('system.answersPerSecond'), values: points.map((h) => round(h.rates.accepted)) }] });
    this.latencyChart.show({ labels, series: [
      { label: t('system.fanOutP99'), values: points.map((h) => round(h.figures.fanOut.p99)) },
      { label: t('system.ackP99'), values: points.map((h) => Math.round(h.figures.ack.p99 * 100) / 100) }] });
    this.heapChart.show({ labels, series: [
      { label: t('system.heapUsed'), values: points.map((h) => round(h.figures.jvm.heapUsedBytes / MB)) },
      { label: t('system.heapCommitted'), values: points.map((h) => round(h.figures.jvm.heapCommittedBytes / MB)) }] });
    const fact = (id, label, value) => html`<div><dt>${label}</dt><dd id=${'fact-' + id}>${value}</dd></div>`;
    return html`${pageHeader(t('system.title'))}
      <p class="hint" id="system-lead">${t('system.lead', { seconds: REFRESH_MS / 1000 })}</p>
      ${errorBox(this.error)}
      <dl class="facts card" id="system-facts">
        ${fact('players', t('system.players'), num(f.playersConnected))}
        ${fact('games', t('system.games'), num(f.gamesLive))}
        ${fact('joins', t('system.joinsPerSecond'), num(r.joins, 1))}
        ${fact('answers', t('system.answersPerSecond'), t('system.answersSplit', { accepted: num(r.accepted, 1), refused: num(r.refused, 1) }))}
        ${fact('fanout', t('system.fanOut'), t('system.latency', { p50: num(f.fanOut.p50, 1), p99: num(f.fanOut.p99, 1) }))}
        ${fact('ack', t('system.ack'), t('system.latency', { p50: num(f.ack.p50, 2), p99: num(f.ack.p99, 2) }))}
        ${fact('results', t('system.resultsQueue'), t('system.queue', { depth: num(f.resultsQueue.depth), age: num(f.resultsQueue.ageSeconds, 1) }))}
        ${fact('relay', t('system.relay'), t('system.relayRates', { out: num(r.relayOut / 1024, 1), in: num(r.relayIn / 1024, 1) }))}
        ${fact('heap', t('system.heap'), t('system.heapOf', { used: num(f.jvm.heapUsedBytes / MB), max: num(f.jvm.heapMaxBytes / MB) }))}
        ${fact('gc', t('system.gc'), t('system.gcPauses', { count: num(f.jvm.gcPauses), seconds: num(f.jvm.gcPauseSeconds, 2), longest: num(f.jvm.gcPauseMaxSeconds * 1000) }))}
      </dl>
      <div class="chart-grid">
        ${chartCard('players', t('system.players'), this.playersChart)}
        ${chartCard('rates', t('system.ratesChart'), this.ratesChart)}
        ${chartCard('latency', t('system.latencyChart'), this.latencyChart)}
        ${chartCard('heap', t('system.heapChart'), this.heapChart)}
      </div>`;
  }
}

function chartCard(id, caption, chart) {
  return html`<figure class="card chart-card"><figcaption>${caption}</figcaption>
    <div class="chart-box"><canvas id=${'chart-' + id} ${ref(chart.attach)} role="img" aria-label=${caption}></canvas></div></figure>`;
}

/** Per second between two readings; a restarted server (totals going down) counts from zero. */
function rates(before, after) {
  const seconds = Math.max(0.001, (after.at - before.at) / 1000);
  const per = (a, b) => Math.max(0, a - (b <= a ? b : 0)) / seconds;
  const refused = (x) => Object.keys(x.answers).filter((k) => k !== 'accepted').reduce((sum, k) => sum + x.answers[k], 0);
  return {
    joins: per(after.joins, before.joins),
    accepted: per(after.answers.accepted || 0, before.answers.accepted || 0),
    refused: per(refused(after), refused(before)),
    relayOut: per(after.relay.bytesOut, before.relay.bytesOut),
    relayIn: per(after.relay.bytesIn, before.relay.bytesIn),
  };
}

function round(value) {
  return Math.round(value * 10) / 10;
}

function clock(at) {
  const d = new Date(at);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

export const routes = [
  { path: '/system', screen: SystemScreen, role: 'ADMIN', nav: 'system' },
];
