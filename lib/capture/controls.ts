/**
 * Finds the control a user meant. A click lands on the innermost node (an <svg> path, a
 * <span> in a button); the step is about the button or link that contains it.
 */
const INTERACTIVE_ROLES = new Set([
  'button', 'link', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'tab', 'checkbox',
  'radio', 'switch', 'option', 'treeitem', 'combobox', 'textbox', 'searchbox', 'slider',
  'spinbutton', 'gridcell', 'row',
]);

const INTERACTIVE_TAGS = new Set(['a', 'button', 'input', 'select', 'textarea', 'summary', 'label', 'option']);

export function isInteractive(element: Element): boolean {
  const tag = element.tagName.toLowerCase();
  if (tag === 'a') return element.hasAttribute('href');
  if (INTERACTIVE_TAGS.has(tag)) return true;
  const role = element.getAttribute('role');
  if (role && INTERACTIVE_ROLES.has(role)) return true;
  return (element as HTMLElement).isContentEditable === true && element.getAttribute('contenteditable') !== null;
}

/** Walks the composed path (which crosses open shadow roots) to the nearest control. */
export function controlFromPath(path: EventTarget[]): Element | undefined {
  const elements = path.filter((node): node is Element => node instanceof Element);
  return elements.find(isInteractive) ?? elements[0];
}
