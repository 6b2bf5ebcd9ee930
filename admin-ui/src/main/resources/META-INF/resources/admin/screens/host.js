// Placeholder: the host screens are being built.
export const routes = [];
