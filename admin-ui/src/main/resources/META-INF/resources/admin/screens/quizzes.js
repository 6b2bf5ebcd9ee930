// Placeholder: the quizzes screens are being built.
export const routes = [];
