// Placeholder: the results screens are being built.
export const routes = [];
