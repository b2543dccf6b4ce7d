// Wide tables scroll sideways: make each scroll area reachable by keyboard (axe: scrollable-region-focusable).
document$.subscribe(() => {
  for (const region of document.querySelectorAll(".md-typeset__scrollwrap")) {
    region.tabIndex = 0;
  }
});
