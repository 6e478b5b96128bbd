/**
 * Service events: things the platform reports in a dialog, and so in the webhook, as a message whose text is a keyword
 * instead of something a person wrote. The one list of them, each with where it was seen. Mavibot is a white label
 * of Salebot, so Salebot's documentation (docs.salebot.pro, whose source is the public GitHub repository
 * trembolon58/gitbook_docs; docs.mavibot.ai is the same text) and integrations written against Salebot's live
 * webhook are the sources. The Mavibot Trigger flags a matching message as a system notification.
 */

/** Where a keyword appears in the message text. */
type Position =
	/** the first word of the text (what follows it is the event's detail, e.g. the link or the stage) */
	| 'firstWord'
	/** anywhere in the text, as a word of its own (the keyword may come after a sentence) */
	| 'anywhere';

interface ServiceEvent {
	/** The keyword, or a pattern for a family of keywords (matched on whole words). */
	keyword: string | RegExp;
	position: Position;
	/** How the filter's description shows it. */
	label: string;
	/** What it reports. */
	meaning: string;
}

export const SERVICE_EVENTS: readonly ServiceEvent[] = [
	{
		// Salebot docs, rabota-s-api/api-konstruktora.md (the universal-webhook hint: "message: new_chat_member");
		// ZhulikovN/salebot_telegram_egeland app/api/salebot_webhook.py skips it as a service event.
		keyword: 'new_chat_member',
		position: 'firstWord',
		label: 'new_chat_member',
		meaning: 'someone joined a group chat',
	},
	{
		// ZhulikovN/salebot_telegram_egeland app/api/salebot_webhook.py: skipped with new_chat_member as a service
		// event ("вход/выход из групповых чатов").
		keyword: 'left_chat_member',
		position: 'firstWord',
		label: 'left_chat_member',
		meaning: 'someone left a group chat',
	},
	{
		// Salebot docs, CRM pages: "Уведомление имеет вид: crm_state_changed Имя воронки:Название этапа";
		// okeyenglish/okey-learn-connect src/components/crm/SalebotCallbackMessage.tsx hides it as an internal message.
		keyword: 'crm_state_changed',
		position: 'firstWord',
		label: 'crm_state_changed …',
		meaning: "a deal's funnel stage changed",
	},
	{
		// Salebot docs, buttons with "С уведомлением о клике": the dialog gets "link_was_pressed <URL>".
		keyword: 'link_was_pressed',
		position: 'firstWord',
		label: 'link_was_pressed …',
		meaning: 'a tracked link button was clicked',
	},
	{
		// Salebot docs, tasks: "new_task_added_callback task_id:…, task_name:…" when a task is bound to the client,
		// and "Задача была отредактирована <user>: edit_task_callback task_id:…" (inside a sentence) when it is edited.
		// Any other <name>_callback keyword is taken to be one of the platform's callbacks too.
		keyword: /[a-z][a-z0-9]*(?:_[a-z0-9]+)*_callback/,
		position: 'anywhere',
		label: 'task callbacks (new_task_added_callback, edit_task_callback…)',
		meaning: 'a task bound to the client was added or edited, or another platform callback',
	},
	{
		// okeyenglish/okey-learn-connect src/components/crm/SalebotCallbackMessage.tsx: "<provider>_success <amount>"
		// (e.g. "tbank_success 10") is a payment system's notice of a payment, shown as a system line, not a message.
		keyword: /[a-z0-9]+(?:_[a-z0-9]+)*_success/,
		position: 'firstWord',
		label: 'payment notices (<provider>_success <amount>)',
		meaning: 'a payment system reported a payment',
	},
];

const source = (keyword: string | RegExp): string =>
	typeof keyword === 'string' ? keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : keyword.source;

function alternatives(position: Position): string {
	return SERVICE_EVENTS.filter((event) => event.position === position)
		.map((event) => `(?:${source(event.keyword)})`)
		.join('|');
}

// The first word, followed by the end of the text, a space, or a ":"/"," and more.
const FIRST_WORD = new RegExp(`^(?:${alternatives('firstWord')})(?=$|\\s|[:,])`);
// A word of its own anywhere: after the start, a space or a ":", and before the end, a space, ":" or ",".
const ANYWHERE = new RegExp(`(?:^|[\\s:])(?:${alternatives('anywhere')})(?=$|\\s|[:,])`);

/** Whether a message text is one of the service events above (leading and trailing spaces ignored). */
export function isServiceEvent(text: string | null | undefined): boolean {
	if (typeof text !== 'string') return false;
	const trimmed = text.trim();
	return trimmed !== '' && (FIRST_WORD.test(trimmed) || ANYWHERE.test(trimmed));
}

/** The service events in a few words each, for descriptions: "new_chat_member, …, crm_state_changed …, …". */
export const SERVICE_EVENT_SUMMARY = SERVICE_EVENTS.map((event) => event.label).join(', ');
