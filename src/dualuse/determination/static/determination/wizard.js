// "Use this entry" buttons from the classifier's suggestions fill the entry field of the item step.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-fill-code]");
  if (!button) return;
  const field = document.getElementById("control_code");
  if (field) { field.value = button.dataset.fillCode; field.focus(); }
  const notListed = document.getElementById("not_listed");
  if (notListed) notListed.checked = false;
});
