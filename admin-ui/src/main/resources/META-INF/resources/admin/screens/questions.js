// The question bank: list and search, one question's editor with the phone preview, import and export.
import { QuestionListScreen } from './bank/list.js';
import { QuestionEditorScreen } from './bank/editor.js';
import { QuestionImportScreen } from './bank/import.js';

export const routes = [
  { path: '/questions', screen: QuestionListScreen, role: 'HOST', nav: 'questions' },
  { path: '/questions/import', screen: QuestionImportScreen, role: 'ORGANISER', nav: 'questions' },
  { path: '/questions/new', screen: QuestionEditorScreen, role: 'ORGANISER', nav: 'questions' },
  { path: '/questions/:id', screen: QuestionEditorScreen, role: 'HOST', nav: 'questions' },
];
