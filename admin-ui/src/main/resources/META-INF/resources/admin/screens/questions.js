// Placeholder: the questions screens are being built.
export const routes = [];
