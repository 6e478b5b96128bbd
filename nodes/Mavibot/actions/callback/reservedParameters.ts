/** The single-client callback actions (send_callback_by_platform_id has no variables or resume_bot). */
export type CallbackAction =
	| 'callback'
	| 'tg_callback'
	| 'whatsapp_callback'
	| 'email_callback'
	| 'vk_callback'
	| 'ok_callback';

const COMMON_PARAMETERS = ['message', 'resume_bot', 'time_shift', 'send_time'];

/**
 * The parameters each action reads itself. Mavibot saves every other parameter as a client variable, so a
 * variable with one of these names would change the request instead of being saved. `callback` also reads
 * `phone`/`email` as identifiers and `tg_callback` a Telegram Business flag, so those names are refused too.
 */
export const ACTION_PARAMETERS: Record<CallbackAction, string[]> = {
	callback: ['client_id', 'client_phone', 'client_email', 'phone', 'email', ...COMMON_PARAMETERS],
	tg_callback: ['user_id', 'group_id', 'tg_business', ...COMMON_PARAMETERS],
	whatsapp_callback: ['phone', 'name', 'bot_id', ...COMMON_PARAMETERS],
	email_callback: ['email', 'email_id_bot', 'name', ...COMMON_PARAMETERS],
	vk_callback: ['user_id', 'group_id', ...COMMON_PARAMETERS],
	ok_callback: ['user_id', 'group_id', 'name', ...COMMON_PARAMETERS],
};

/** Names of Mavibot's "universal webhook" machinery (§2.6): they redirect other parameters. */
export const INDIRECTION = /^(value_|delimiter)/;
