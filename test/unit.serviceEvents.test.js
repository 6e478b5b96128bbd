/** The one list of service events (nodes/shared/serviceEvents.ts), against the built code in dist/. */
const {
	isServiceEvent,
	SERVICE_EVENTS,
	SERVICE_EVENT_SUMMARY,
} = require('../dist/nodes/shared/serviceEvents');
const { fixtures } = require('./fixtures/messageEvents');

describe('isServiceEvent', () => {
	test.each([
		'new_chat_member',
		'  new_chat_member  ',
		'left_chat_member',
		'crm_state_changed Sales:Paid',
		'crm_state_changed Воронка:Оплачено',
		'link_was_pressed https://example.com/offer',
		'new_task_added_callback task_id:17, task_name:Call back',
		'Task edited by Ann: edit_task_callback task_id:17, task_name:Call back',
		'Задача была отредактирована Анна: edit_task_callback task_id:17',
		'tbank_success 10',
		'prodamus_success 1500.50',
	])('"%s" is a service event', (text) => {
		expect(isServiceEvent(text)).toBe(true);
	});

	test.each([
		'Hello!',
		'',
		null,
		undefined,
		'I got new_chat_member in my chat, what is it?',
		'what does link_was_pressed mean',
		'my_callbacks are broken',
		'payment_successful',
		'crm_state_changedX',
		'new_chat_members',
	])('%p is not a service event', (text) => {
		expect(isServiceEvent(text)).toBe(false);
	});

	test('every entry of the list says where it was seen and what it means', () => {
		const file = require('node:fs').readFileSync(
			require('node:path').join(__dirname, '..', 'nodes', 'shared', 'serviceEvents.ts'),
			'utf8',
		);
		const entries = file.split('\n\t{').slice(1);
		expect(entries).toHaveLength(SERVICE_EVENTS.length);
		for (const entry of entries) expect(entry).toMatch(/\/\/ .*(docs|\/)/);
		for (const event of SERVICE_EVENTS) expect(event.meaning).not.toBe('');
		expect(SERVICE_EVENT_SUMMARY).toContain('new_chat_member');
	});

	test('the real-payload fixtures of service events are recognised', () => {
		const names = Object.keys(fixtures).filter((name) => name.startsWith('serviceEvent'));
		expect(names.length).toBeGreaterThan(0);
		for (const name of names) expect(isServiceEvent(fixtures[name].payload.message)).toBe(true);
	});
});
