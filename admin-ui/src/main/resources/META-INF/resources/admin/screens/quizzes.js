// Quizzes: the list and the quiz builder (pick, draw, order).
import { QuizListScreen } from './quiz/list.js';
import { QuizEditorScreen } from './quiz/editor.js';

export const routes = [
  { path: '/quizzes', screen: QuizListScreen, role: 'HOST', nav: 'quizzes' },
  { path: '/quizzes/new', screen: QuizEditorScreen, role: 'ORGANISER', nav: 'quizzes' },
  { path: '/quizzes/:id', screen: QuizEditorScreen, role: 'HOST', nav: 'quizzes' },
];
