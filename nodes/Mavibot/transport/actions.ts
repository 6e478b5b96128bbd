/**
 * Every Mavibot API action the node calls, with the HTTP method it is documented with, the API-key permission it
 * needs, whether it changes anything on the platform, and what its successful answer looks like. The transport reads
 * this table to decide how to send a request, whether a failed request may be retried or remembered for n8n's Retry
 * On Fail, which permission to name when the key is refused, and what in an answer is an error.
 */
export type MavibotPermission =
	| 'readClients'
	| 'writeClients'
	| 'readCrm'
	| 'writeCrm'
	| 'deleteClients';

/**
 * The shape of a successful answer, which decides what in an answer is the API's error:
 * - `status`: `{"status":"success", …}`; any other status is an error (`fail`, `error`, `client_not_found`,
 *   `order 12345 not found`), and so is an answer without status that carries an `error` field;
 * - `result`: the result itself, without status when it succeeds (`{"client_id": …}`, a bare array, the channel
 *   lists); a `status` other than "success" or an `error` field is an error;
 * - `userData`: the answer is the user's own data (get_variables: the client's variables, flat), so `status` or
 *   `error` may be variable names. Only an answer made of nothing but error fields (`status` fail/error/not found,
 *   `message`, `error`) is an error.
 */
export type MavibotAnswerShape = 'status' | 'result' | 'userData';

export interface MavibotActionInfo {
	method: 'GET' | 'POST';
	permission: MavibotPermission;
	/** The action sends something to clients or changes data: never repeat it if it may have reached the server. */
	writes: boolean;
	answer: MavibotAnswerShape;
}

const read = (
	method: 'GET' | 'POST',
	permission: MavibotPermission = 'readClients',
	answer: MavibotAnswerShape = 'status',
): MavibotActionInfo => ({ method, permission, writes: false, answer });
const write = (
	method: 'GET' | 'POST',
	permission: MavibotPermission = 'writeClients',
	answer: MavibotAnswerShape = 'status',
): MavibotActionInfo => ({ method, permission, writes: true, answer });

export const MAVIBOT_ACTIONS = {
	callback: write('POST'),
	vk_callback: write('POST'),
	ok_callback: write('POST'),
	whatsapp_callback: write('POST'),
	tg_callback: write('POST'),
	send_callback_by_platform_id: write('POST'),
	email_callback: write('POST'),
	message: write('POST'),
	whatsapp_message: write('POST'),
	broadcast: write('POST'),
	get_history: read('GET'),
	clear_history: write('GET'),
	assign_to_user: write('POST'),
	load_clients: write('POST'),
	get_clients: read('GET'),
	subscribers: read('GET', 'readClients', 'result'),
	delete_clients: write('POST', 'deleteClients'),
	add_to_list: write('POST'),
	remove_from_list: write('POST'),
	// A lookup, but the docs ask for the modify permission (it may create the website-chat client).
	online_chat_client_id: write('GET', 'writeClients', 'result'),
	whatsapp_client_id: read('GET', 'readClients', 'result'),
	find_client_id_by_phone: read('GET', 'readClients', 'result'),
	find_client_id_by_email: read('GET', 'readClients', 'result'),
	find_client_id_by_var: read('GET'),
	find_latest_client_id_by_var: read('GET'),
	find_all_client_id_by_var: read('GET'),
	find_all_client_id_by_several_vars: read('GET'),
	find_clients: read('POST'),
	find_client_id_by_platform_id: read('POST', 'readClients', 'result'),
	save_variables: write('POST'),
	get_variables: read('GET', 'readClients', 'userData'),
	get_current_order_id: read('GET', 'readCrm'),
	get_orders: read('GET', 'readCrm'),
	move_order_to_next_state: write('POST', 'writeCrm'),
	get_order_vars: read('POST', 'readCrm'),
	set_order_vars: write('POST', 'writeCrm'),
	create_order: write('POST', 'writeCrm'),
	set_order_state: write('POST', 'writeCrm'),
	get_order_state: read('GET', 'readCrm'),
	check_whatsapp: read('GET'),
	connected_channels: read('GET', 'readClients', 'result'),
	get_messages: read('GET', 'readClients', 'result'),
} satisfies Record<string, MavibotActionInfo>;

type ActionTable = typeof MAVIBOT_ACTIONS;
/**
 * Named so that calling mavibotApiRequest with an action missing from MAVIBOT_ACTIONS fails to compile with a
 * message that says where to add it: `… is not assignable to parameter of type 'keyof AddTheActionToMavibotActionsInTransportActionsTs'`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
interface AddTheActionToMavibotActionsInTransportActionsTs extends ActionTable {}

export type MavibotAction = keyof AddTheActionToMavibotActionsInTransportActionsTs;

/** The permission names as the Mavibot key settings show them. */
export const PERMISSION_LABELS: Record<MavibotPermission, string> = {
	readClients: 'Permission to read client information',
	writeClients: 'Permission to modify/delete client information',
	readCrm: 'Permission to read information from CRM',
	writeCrm: 'Permission to modify/delete CRM information',
	deleteClients: 'Permission to delete clients',
};
