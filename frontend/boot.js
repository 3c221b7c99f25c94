// Starts the app. A file of its own, not an inline script: the
// Content-Security-Policy allows the app's own scripts only.
const version = new URL(import.meta.url).searchParams.get("v") ?? "";
const { default: init } = await import(`/pkg/frontend.js?v=${version}`);
init({ module_or_path: `/pkg/frontend_bg.wasm?v=${version}` })
  .then(() => document.getElementById("boot")?.remove())
  .catch((err) => {
    console.error(err);
    const boot = document.getElementById("boot");
    if (boot) boot.textContent = "页面加载失败，请刷新重试。";
  });
