// Placeholder: the accounts screens are being built.
export const routes = [];
