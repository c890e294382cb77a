// Loaded first, in <head>: applies the saved colour theme before the page paints.
const saved = localStorage.getItem("rounds-theme");
if (saved === "light" || saved === "dark") document.documentElement.dataset.theme = saved;
if (localStorage.getItem("rounds-hide-difficulty") === "1") document.documentElement.classList.add("hide-difficulty");
