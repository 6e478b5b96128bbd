import type { PageTexts } from './texts';

/** One input of a form page, already checked; `error` is shown under it after a refused submission. */
export interface PageField {
	name: string;
	label: string;
	type: 'text' | 'textarea' | 'number' | 'email' | 'date' | 'dropdown';
	required: boolean;
	placeholder?: string;
	choices?: string[];
	value?: string;
	error?: string;
}

export function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;padding:16px;background:#f2f4f7;color:#1d2433;font:16px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
main{max-width:30rem;margin:8vh auto 0;background:#fff;border-radius:12px;padding:24px;box-shadow:0 1px 4px rgba(0,0,0,.08)}
h1{font-size:1.3rem;margin:0 0 12px}
p.text{white-space:pre-wrap;margin:0 0 20px}
label{display:block;font-weight:600;margin:16px 0 6px}
input,select,textarea{width:100%;font:inherit;padding:10px 12px;border:1px solid #c5cad3;border-radius:8px;background:#fff}
textarea{min-height:8rem;resize:vertical}
.error{color:#b42318;font-size:.9rem;margin-top:4px}
button{display:block;width:100%;margin-top:24px;padding:14px;font:inherit;font-weight:600;color:#fff;background:#2563eb;border:0;border-radius:8px;cursor:pointer}
.muted{color:#5b6472}
`;

function page(texts: PageTexts, title: string, body: string): string {
	return [
		'<!DOCTYPE html>',
		`<html lang="${texts.lang}">`,
		'<head><meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		'<meta name="robots" content="noindex, nofollow">',
		`<title>${escapeHtml(title)}</title>`,
		`<style>${STYLE}</style></head>`,
		`<body><main>${body}</main></body></html>`,
	].join('\n');
}

function paragraph(text: string, className = 'text'): string {
	return text.trim() ? `<p class="${className}">${escapeHtml(text.trim())}</p>` : '';
}

function input(field: PageField, texts: PageTexts): string {
	const id = escapeHtml(field.name);
	const required = field.required ? ' required' : '';
	const value = field.value ?? '';
	const placeholder = field.placeholder ? ` placeholder="${escapeHtml(field.placeholder)}"` : '';
	let control: string;
	if (field.type === 'textarea') {
		control = `<textarea id="${id}" name="${id}"${placeholder}${required}>${escapeHtml(value)}</textarea>`;
	} else if (field.type === 'dropdown') {
		const choices = (field.choices ?? []).map(
			(choice) => `<option${choice === value ? ' selected' : ''}>${escapeHtml(choice)}</option>`,
		);
		control = `<select id="${id}" name="${id}"${required}><option value="">${escapeHtml(texts.choose)}</option>${choices.join('')}</select>`;
	} else {
		const step = field.type === 'number' ? ' step="any"' : '';
		control = `<input id="${id}" name="${id}" type="${field.type}" value="${escapeHtml(value)}"${step}${placeholder}${required}>`;
	}
	const error = field.error ? `<div class="error">${escapeHtml(field.error)}</div>` : '';
	return `<label for="${id}">${escapeHtml(field.label)}</label>${control}${error}`;
}

/**
 * A form that posts back to the address it was opened from (no action attribute): the same resume link, with its
 * query and n8n's signature, so n8n checks the submission exactly as it checked the link.
 */
export function formPage(
	texts: PageTexts,
	{
		title,
		description,
		fields,
		buttonLabel,
	}: { title: string; description: string; fields: PageField[]; buttonLabel: string },
): string {
	const heading = title.trim() ? `<h1>${escapeHtml(title.trim())}</h1>` : '';
	const inputs = fields.map((field) => input(field, texts)).join('\n');
	return page(
		texts,
		title.trim() || buttonLabel,
		`${heading}${paragraph(description)}<form method="post">${inputs}<button type="submit">${escapeHtml(buttonLabel)}</button></form>`,
	);
}

export function thankYouPage(texts: PageTexts, customText: string): string {
	const text = customText.trim()
		? paragraph(customText)
		: paragraph(`${texts.recorded} ${texts.canClose}`, 'muted');
	return page(texts, texts.thankYou, `<h1>${escapeHtml(texts.thankYou)}</h1>${text}`);
}

export function invalidLinkPage(texts: PageTexts): string {
	return page(
		texts,
		texts.invalidTitle,
		`<h1>${escapeHtml(texts.invalidTitle)}</h1>${paragraph(texts.invalidText, 'muted')}`,
	);
}
