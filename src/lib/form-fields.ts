/**
 * The text of a form's fields as the DOM holds them. The forms keep no copy in React state: text
 * typed into a prerendered form before its script ran is in the DOM only, and it is what counts.
 */
export function formFields(form: HTMLFormElement): (name: string) => string {
  const data = new FormData(form);
  return (name) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
}
