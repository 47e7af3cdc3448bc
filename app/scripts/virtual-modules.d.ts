// The buyer page's script, built by Vite (vite.config.ts, buyerPageScript): its URL, fingerprinted in a build.
declare module "virtual:buyer-page-script" {
  const url: string;
  export default url;
}
