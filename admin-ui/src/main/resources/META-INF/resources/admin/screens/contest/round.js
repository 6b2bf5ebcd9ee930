// One round: its window (Vietnam's time), question plan, attempt policy, prediction, tie-break order,
// prize table and answers-after-close; a sample draw; opening and closing with an inline confirm.
import { html, nothing } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { api } from '../../lib/api.js';
import { t, num } from '../../lib/i18n.js';
import { Screen } from '../../lib/screen.js';
import { errorBox, pageHeader, spinner } from '../../lib/ui.js';
import { DIFFICULTIES, TOPICS, difficultyLabel, topicLabel } from '../bank/model.js';
import { POLICIES, PREDICTIONS, TIE_BREAK, contestPath, contestTabs, fromWindowInput, itemsOf, loadContest,
  stateBadge, toWindowInput, windowTime } from './model.js';

const DEFAULT_MINUTES = 20;

function defaultRound() {
  return {
    name: '', opensAt: null, closesAt: null,
    plan: { bankIds: [], language: 'vi', quotas: [{ topics: [], difficulty: null, count: 10 }], pointsPerQuestion: 10,
      timeLimitSeconds: DEFAULT_MINUTES * 60, shuffleOptions: true, shuffleQuestions: true },
    attemptPolicy: { kind: 'ONE_PER_ROUND', maxAttempts: 1 },
    predictionKind: 'PERFECT_SCORES',
    tieBreak: TIE_BREAK.slice(),
    prizes: [{ name: t('contest.prize.first'), count: 1, unitPoints: 10 }, { name: t('contest.prize.second'), count: 2, unitPoints: 8 },
      { name: t('contest.prize.third'), count: 3, unitPoints: 6 }, { name: t('contest.prize.consolation'), count: 5, unitPoints: 0 }],
    showAnswersAfterClose: true,
    state: 'SCHEDULED',
  };
}

export class RoundScreen extends Screen {
  title() {
    return this.round && this.round.id ? this.round.name : t('contest.round.newTitle');
  }

  get isNew() {
    return !this.params.roundId;
  }

  async enter() {
    const [contest, banks] = await Promise.all([loadContest(this.params.id), api.get('/api/banks')]);
    this.contest = contest;
    this.banks = itemsOf(banks);
    if (this.isNew) {
      this.round = defaultRound();
    } else {
      this.round = contest.rounds.find((r) => String(r.id) === String(this.params.roundId));
      if (!this.round || !this.round.plan) this.round = await api.get(this.roundPath(''));
    }
    this.reset();
  }

  reset() {
    const base = defaultRound();
    const r = structuredClone(this.round);
    r.plan = Object.assign(base.plan, r.plan || {});
    if (!Array.isArray(r.plan.quotas) || !r.plan.quotas.length) r.plan.quotas = base.plan.quotas;
    r.attemptPolicy = Object.assign(base.attemptPolicy, r.attemptPolicy || {});
    if (!Array.isArray(r.tieBreak) || !r.tieBreak.length) r.tieBreak = base.tieBreak;
    if (!Array.isArray(r.prizes)) r.prizes = [];
    this.draft = r;
    this.opensInput = toWindowInput(r.opensAt);
    this.closesInput = toWindowInput(r.closesAt);
  }

  roundPath(rest) {
    return contestPath(this.params.id, '/rounds/' + encodeURIComponent(this.params.roundId || this.round.id) + rest);
  }

  get editable() {
    return !this.draft.state || this.draft.state === 'SCHEDULED';
  }

  /** The round as the API takes it, or null with this.error set when the window cannot be read. */
  body() {
    const d = this.draft;
    const opensAt = fromWindowInput(this.opensInput);
    const closesAt = fromWindowInput(this.closesInput);
    if (!opensAt || !closesAt) { this.error = t('contest.window.invalid'); return null; }
    if (Date.parse(closesAt) <= Date.parse(opensAt)) { this.error = t('contest.window.order'); return null; }
    const policy = { kind: d.attemptPolicy.kind, maxAttempts: d.attemptPolicy.kind === 'BEST_OF' ? Number(d.attemptPolicy.maxAttempts) || 2 : 1 };
    return { name: d.name.trim(), opensAt, closesAt, plan: d.plan, attemptPolicy: policy, predictionKind: d.predictionKind,
      tieBreak: d.tieBreak, prizes: d.prizes.map((p) => ({ name: p.name, count: Number(p.count), unitPoints: Number(p.unitPoints) })),
      showAnswersAfterClose: !!d.showAnswersAfterClose, version: d.version === undefined ? null : d.version };
  }

  async save(event) {
    event.preventDefault();
    this.error = null;
    const body = this.body();
    if (!body) return this.update();
    this.busy = true;
    this.update();
    try {
      const saved = this.isNew ? await api.post(contestPath(this.params.id, '/rounds'), body) : await api.put(this.roundPath(''), body);
      this.app.toast(t('contest.round.saved', { name: saved.name || body.name }));
      if (this.isNew) {
        this.busy = false;
        return this.app.navigate('/contests/' + this.params.id + '/rounds/' + saved.id);
      }
      this.round = Object.assign({}, this.round, saved);
      this.reset();
    } catch (e) {
      this.error = e;
    }
    this.busy = false;
    this.update();
  }

  async preview() {
    this.previewError = null;
    this.sample = null;
    this.update();
    try {
      this.sample = await api.post(this.roundPath('/preview'), this.seed ? { seed: Number(this.seed) } : {});
    } catch (e) {
      this.previewError = e;
    }
    this.update();
  }

  async change(action) {
    this.confirming = null;
    this.error = null;
    this.busy = true;
    this.update();
    try {
      const answer = await api.post(this.roundPath('/' + action));
      if (action === 'close') this.closed = answer;
      this.app.toast(t(action === 'open' ? 'contest.round.opened' : 'contest.round.closed', { name: this.draft.name }));
      const contest = await loadContest(this.params.id);
      this.contest = contest;
      const fresh = contest.rounds.find((r) => String(r.id) === String(this.params.roundId));
      this.round = fresh && fresh.plan ? fresh : Object.assign({}, this.round, fresh || {}, answer && answer.state ? answer : {});
      if (!fresh && action) this.round.state = action === 'open' ? 'OPEN' : 'CLOSED';
      this.reset();
    } catch (e) {
      this.error = e;
    }
    this.busy = false;
    this.update();
  }

  async remove() {
    this.confirming = null;
    try {
      await api.del(this.roundPath(''));
      this.app.toast(t('contest.round.deleted', { name: this.draft.name }));
      this.app.navigate('/contests/' + this.params.id + '/rounds');
    } catch (e) {
      this.error = e;
      this.update();
    }
  }

  render() {
    if (!this.draft) return html`${pageHeader(t('contest.round.newTitle'))}${spinner()}`;
    const d = this.draft;
    return html`${pageHeader(this.isNew ? t('contest.round.newTitle') : d.name, html`
        ${this.isNew ? nothing : stateBadge(d.state)}
        <a href=${'#/contests/' + this.params.id + '/rounds'}>${t('contest.round.back')}</a>`)}
      ${contestTabs(this.params.id, 'rounds')}
      ${this.isNew ? nothing : this.stateCard()}
      <form id="round-form" class="card" novalidate @submit=${(e) => this.save(e)}>
        ${errorBox(this.error)}
        <div class="form-grid">
          <div class="field"><label for="round-name">${t('contest.round.name')}</label>
            <input id="round-name" name="name" maxlength="120" .value=${live(d.name || '')} @input=${(e) => { d.name = e.target.value; }}></div>
          <div class="field"><label for="round-opens">${t('contest.round.opensAt')}</label>
            <input id="round-opens" type="datetime-local" min="2000-01-01T00:00" max="2099-12-31T23:59" ?disabled=${!this.editable}
              .value=${live(this.opensInput)} @input=${(e) => { this.opensInput = e.target.value; this.update(); }} aria-describedby="window-zone"></div>
          <div class="field"><label for="round-closes">${t('contest.round.closesAt')}</label>
            <input id="round-closes" type="datetime-local" min="2000-01-01T00:00" max="2099-12-31T23:59"
              .value=${live(this.closesInput)} @input=${(e) => { this.closesInput = e.target.value; this.update(); }} aria-describedby="window-zone"></div>
        </div>
        <p class="hint" id="window-zone">${t('contest.window.zoneNote')}</p>
        ${fromWindowInput(this.opensInput) && fromWindowInput(this.closesInput) ? html`<p id="window-echo">${t('contest.window.echo',
          { opens: windowTime(fromWindowInput(this.opensInput)), closes: windowTime(fromWindowInput(this.closesInput)) })}</p>` : nothing}
        ${this.planFields()}
        ${this.rulesFields()}
        ${this.prizeFields()}
        <label class="check"><input type="checkbox" id="show-answers" .checked=${live(!!d.showAnswersAfterClose)}
          @change=${(e) => { d.showAnswersAfterClose = e.target.checked; }}>${t('contest.round.showAnswers')}</label>
        <p class="hint">${t('contest.round.showAnswersHint')}</p>
        <div class="form-actions">
          <button type="submit" class="primary" id="save-round" ?disabled=${this.busy || d.state === 'CLOSED'}>${this.isNew ? t('contest.round.create') : t('common.save')}</button>
          ${!this.isNew && this.editable ? this.confirmable('delete', t('common.delete'), t('contest.round.deleteConfirm'), () => this.remove()) : nothing}
        </div>
      </form>
      ${this.isNew ? nothing : this.previewCard()}`;
  }

  /** A button that asks once more inline before it acts. */
  confirmable(action, label, question, run, primary) {
    if (this.confirming === action) {
      return html`<span class="inline-confirm" role="group" data-confirm=${action}>${question}
        <button type="button" class="danger" data-action=${'confirm-' + action} @click=${run}>${t('common.confirm')}</button>
        <button type="button" data-action="cancel" @click=${() => { this.confirming = null; this.update(); }}>${t('common.cancel')}</button></span>`;
    }
    return html`<button type="button" class=${primary ? 'primary' : ''} data-action=${action} id=${action + '-round'} ?disabled=${this.busy}
      @click=${() => { this.confirming = action; this.update(); }}>${label}</button>`;
  }

  stateCard() {
    const d = this.draft;
    return html`<section class="card round-state" aria-labelledby="round-state-title">
      <h2 id="round-state-title">${t('contest.round.stateTitle')}</h2>
      <p id="round-state-text">${t('contest.round.stateText.' + d.state, { opens: windowTime(d.opensAt), closes: windowTime(d.closesAt) })}</p>
      <div class="actions">
        ${d.state === 'SCHEDULED' ? this.confirmable('open', t('contest.round.open'), t('contest.round.openConfirm'), () => this.change('open'), true) : nothing}
        ${d.state === 'OPEN' ? this.confirmable('close', t('contest.round.close'), t('contest.round.closeConfirm'), () => this.change('close'), true) : nothing}
        ${d.state === 'CLOSED' ? html`<a class="button primary" id="see-results" href=${'#/contests/' + this.params.id + '/rounds/' + this.params.roundId + '/results'}>${t('contest.rounds.results')}</a>` : nothing}
      </div>
      ${this.closed ? html`<dl class="facts" id="close-summary">
        <div><dt>${t('contest.results.entrants')}</dt><dd>${num(this.closed.entrants || 0)}</dd></div>
        <div><dt>${t('contest.results.attempts')}</dt><dd>${num(this.closed.attempts || 0)}</dd></div>
        <div><dt>${t('contest.results.realFigure')}</dt><dd>${this.closed.realFigure === null || this.closed.realFigure === undefined ? '–' : num(this.closed.realFigure)}</dd></div>
        <div><dt>${t('contest.results.winners')}</dt><dd>${num(Array.isArray(this.closed.winners) ? this.closed.winners.length : this.closed.winners || 0)}</dd></div>
        <div><dt>${t('contest.results.tookMs')}</dt><dd>${t('contest.results.seconds', { n: num((this.closed.tookMs || 0) / 1000, 1) })}</dd></div>
      </dl>` : nothing}
    </section>`;
  }

  planFields() {
    const p = this.draft.plan;
    const total = p.quotas.reduce((sum, q) => sum + (Number(q.count) || 0), 0);
    return html`<fieldset class="plan" id="plan" ?disabled=${!this.editable}><legend>${t('contest.plan.title')}</legend>
      ${this.editable ? nothing : html`<p class="hint" id="plan-locked">${t('contest.plan.locked')}</p>`}
      <div class="field"><span class="label" id="plan-banks-label">${t('contest.plan.banks')}</span>
        <div class="bank-choices" role="group" aria-labelledby="plan-banks-label">
          ${this.banks.length === 0 ? html`<p class="hint">${t('contest.plan.noBanks')}</p>` : nothing}
          ${this.banks.map((b) => html`<label class="check"><input type="checkbox" name="bank" value=${String(b.id)} data-bank=${b.id}
            .checked=${live(p.bankIds.indexOf(b.id) >= 0)} @change=${(e) => {
              p.bankIds = e.target.checked ? p.bankIds.concat([b.id]) : p.bankIds.filter((x) => x !== b.id);
            }}>${b.name}</label>`)}</div></div>
      <div class="form-grid">
        <div class="field"><label for="plan-language">${t('contest.plan.language')}</label>
          <select id="plan-language" @change=${(e) => { p.language = e.target.value; }}>
            ${['vi', 'en'].map((l) => html`<option value=${l} ?selected=${p.language === l}>${t('language.' + l.toUpperCase())}</option>`)}</select></div>
        <div class="field"><label for="plan-points">${t('contest.plan.points')}</label>
          <input id="plan-points" type="number" min="1" max="1000" .value=${live(String(p.pointsPerQuestion))}
            @input=${(e) => { p.pointsPerQuestion = Number(e.target.value); }}></div>
        <div class="field"><label for="plan-minutes">${t('contest.plan.minutes')}</label>
          <input id="plan-minutes" type="number" min="1" max="180" .value=${live(String(Math.round(p.timeLimitSeconds / 60)))}
            @input=${(e) => { p.timeLimitSeconds = Number(e.target.value) * 60; }}></div>
      </div>
      <h3>${t('contest.plan.quotas')}</h3>
      <p class="hint">${t('contest.plan.quotasHint')}</p>
      <div class="table-wrap"><table id="quota-table">
        <thead><tr><th>${t('contest.plan.topics')}</th><th>${t('contest.plan.difficulty')}</th><th class="num">${t('contest.plan.count')}</th><th>${t('common.actions')}</th></tr></thead>
        <tbody>${p.quotas.map((q, i) => html`<tr data-quota=${i}>
          <td><select multiple size="4" class="quota-topics" aria-label=${t('contest.plan.topics')} @change=${(e) => {
              q.topics = Array.from(e.target.selectedOptions).map((o) => o.value);
            }}>${TOPICS.map((topic) => html`<option value=${topic} ?selected=${(q.topics || []).indexOf(topic) >= 0}>${topicLabel(topic)}</option>`)}</select>
            <p class="hint">${t('contest.plan.topicsHint')}</p></td>
          <td><select class="quota-difficulty" aria-label=${t('contest.plan.difficulty')} @change=${(e) => { q.difficulty = e.target.value ? Number(e.target.value) : null; }}>
            <option value="" ?selected=${!q.difficulty}>${t('contest.plan.anyDifficulty')}</option>
            ${DIFFICULTIES.map((level) => html`<option value=${String(level)} ?selected=${q.difficulty === level}>${difficultyLabel(level)}</option>`)}</select></td>
          <td class="num"><input class="quota-count" type="number" min="1" max="100" aria-label=${t('contest.plan.count')}
            .value=${live(String(q.count))} @input=${(e) => { q.count = Number(e.target.value); this.update(); }}></td>
          <td><button type="button" class="link" data-action="remove-quota" ?disabled=${p.quotas.length === 1}
            @click=${() => { p.quotas.splice(i, 1); this.update(); }}>${t('common.delete')}</button></td></tr>`)}</tbody></table></div>
      <p><button type="button" id="add-quota" @click=${() => { p.quotas.push({ topics: [], difficulty: null, count: 5 }); this.update(); }}>${t('contest.plan.addQuota')}</button>
        <span class="total" id="question-total">${t('contest.plan.total', { count: num(total), points: num(total * (p.pointsPerQuestion || 0)) })}</span></p>
      <label class="check"><input type="checkbox" id="shuffle-options" .checked=${live(!!p.shuffleOptions)} @change=${(e) => { p.shuffleOptions = e.target.checked; }}>${t('contest.plan.shuffleOptions')}</label>
      <label class="check"><input type="checkbox" id="shuffle-questions" .checked=${live(!!p.shuffleQuestions)} @change=${(e) => { p.shuffleQuestions = e.target.checked; }}>${t('contest.plan.shuffleQuestions')}</label>
    </fieldset>`;
  }

  rulesFields() {
    const d = this.draft;
    const order = d.tieBreak;
    const move = (i, by) => { const [x] = order.splice(i, 1); order.splice(i + by, 0, x); this.update(); };
    return html`<fieldset class="rules" ?disabled=${!this.editable}><legend>${t('contest.rules.title')}</legend>
      <div class="form-grid">
        <div class="field"><label for="attempt-policy">${t('contest.rules.policy')}</label>
          <select id="attempt-policy" @change=${(e) => { d.attemptPolicy.kind = e.target.value; this.update(); }}>
            ${POLICIES.map((kind) => html`<option value=${kind} ?selected=${d.attemptPolicy.kind === kind}>${t('contest.policy.' + kind)}</option>`)}</select></div>
        ${d.attemptPolicy.kind === 'BEST_OF' ? html`<div class="field"><label for="max-attempts">${t('contest.rules.maxAttempts')}</label>
          <input id="max-attempts" type="number" min="2" max="20" .value=${live(String(d.attemptPolicy.maxAttempts > 1 ? d.attemptPolicy.maxAttempts : 3))}
            @input=${(e) => { d.attemptPolicy.maxAttempts = Number(e.target.value); }}></div>` : nothing}
        <div class="field"><label for="prediction-kind">${t('contest.rules.prediction')}</label>
          <select id="prediction-kind" @change=${(e) => { d.predictionKind = e.target.value; }}>
            ${PREDICTIONS.map((kind) => html`<option value=${kind} ?selected=${d.predictionKind === kind}>${t('contest.prediction.' + kind)}</option>`)}</select></div>
      </div>
      <h3 id="tie-break-title">${t('contest.rules.tieBreak')}</h3>
      <p class="hint">${t('contest.rules.tieBreakHint')}</p>
      <ol class="tie-break" id="tie-break" aria-labelledby="tie-break-title">${order.map((rule, i) => html`<li data-rule=${rule}>
        <span class="rule-name">${t('contest.tieBreak.' + rule)}</span>
        <button type="button" class="link" data-action="up" ?disabled=${i === 0} aria-label=${t('contest.rules.moveUp', { rule: t('contest.tieBreak.' + rule) })}
          @click=${() => move(i, -1)}>▲</button>
        <button type="button" class="link" data-action="down" ?disabled=${i === order.length - 1} aria-label=${t('contest.rules.moveDown', { rule: t('contest.tieBreak.' + rule) })}
          @click=${() => move(i, 1)}>▼</button></li>`)}</ol>
      <button type="button" class="link" id="tie-break-default" @click=${() => { d.tieBreak = TIE_BREAK.slice(); this.update(); }}>${t('contest.rules.tieBreakDefault')}</button>
    </fieldset>`;
  }

  prizeFields() {
    const prizes = this.draft.prizes;
    return html`<fieldset class="prizes" ?disabled=${!this.editable}><legend>${t('contest.prizes.title')}</legend>
      <p class="hint">${t('contest.prizes.hint')}</p>
      <div class="table-wrap"><table id="prize-table">
        <thead><tr><th>${t('contest.prizes.name')}</th><th class="num">${t('contest.prizes.count')}</th>
          <th class="num">${t('contest.prizes.unitPoints')}</th><th>${t('common.actions')}</th></tr></thead>
        <tbody>${prizes.map((p, i) => html`<tr data-prize=${i}>
          <td><input class="prize-name" aria-label=${t('contest.prizes.name')} .value=${live(p.name)} @input=${(e) => { p.name = e.target.value; }}></td>
          <td class="num"><input class="prize-count" type="number" min="1" max="1000" aria-label=${t('contest.prizes.count')}
            .value=${live(String(p.count))} @input=${(e) => { p.count = Number(e.target.value); }}></td>
          <td class="num"><input class="prize-points" type="number" min="0" max="1000" aria-label=${t('contest.prizes.unitPoints')}
            .value=${live(String(p.unitPoints))} @input=${(e) => { p.unitPoints = Number(e.target.value); }}></td>
          <td><button type="button" class="link" data-action="remove-prize" @click=${() => { prizes.splice(i, 1); this.update(); }}>${t('common.delete')}</button></td></tr>`)}
        </tbody></table></div>
      <p><button type="button" id="add-prize" @click=${() => { prizes.push({ name: '', count: 1, unitPoints: 0 }); this.update(); }}>${t('contest.prizes.add')}</button></p>
    </fieldset>`;
  }

  previewCard() {
    const s = this.sample;
    const questions = s ? itemsOf(s.questions || s) : [];
    return html`<section class="card preview" aria-labelledby="preview-title">
      <h2 id="preview-title">${t('contest.preview.title')}</h2>
      <p class="hint">${t('contest.preview.lead')}</p>
      <div class="copy-row"><label for="preview-seed">${t('contest.preview.seed')}</label>
        <input id="preview-seed" type="number" min="0" .value=${live(this.seed || '')} @input=${(e) => { this.seed = e.target.value; }}>
        <button type="button" id="preview-draw" @click=${() => this.preview()}>${t('contest.preview.draw')}</button></div>
      ${errorBox(this.previewError)}
      ${s ? html`<p id="preview-summary">${t('contest.preview.summary', { count: num(questions.length), seed: s.seed === undefined ? '–' : String(s.seed) })}</p>
        <ol class="preview-list" id="preview-list">${questions.map((q) => this.sampleQuestion(q))}</ol>` : nothing}
    </section>`;
  }

  sampleQuestion(q) {
    const correct = new Set((q.correct || (q.answer && q.answer.correct) || []).map(String));
    const options = (q.options || []).map((o, i) => (typeof o === 'string' ? { id: i, text: o } : o));
    return html`<li class="preview-question">
      <p class="q-text">${q.text}</p>
      <p class="hint">${q.topic ? topicLabel(q.topic) : ''}${q.topic && q.difficulty ? ' · ' : ''}${q.difficulty ? difficultyLabel(q.difficulty) : ''}</p>
      <ul class="options">${options.map((o) => {
        const right = o.correct === true || correct.has(String(o.id));
        return html`<li class=${right ? 'right' : ''}>${right ? '✓ ' : ''}${o.text}</li>`;
      })}</ul></li>`;
  }
}
