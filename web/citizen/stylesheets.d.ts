// The citizen pages import their stylesheets from TypeScript: esbuild bundles them into the page's main.css.
declare module '*.css';
