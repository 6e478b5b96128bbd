/** The few texts the answer pages add around what the user typed, in the languages the pages speak. */
export interface PageTexts {
	lang: string;
	yourAnswer: string;
	thankYou: string;
	recorded: string;
	canClose: string;
	invalidTitle: string;
	invalidText: string;
	required: string;
	notANumber: string;
	notAnEmail: string;
	notADate: string;
	notAChoice: string;
	choose: string;
}

const TEXTS: Record<'en' | 'ru', PageTexts> = {
	en: {
		lang: 'en',
		yourAnswer: 'Your answer',
		thankYou: 'Thank you!',
		recorded: 'Your answer has been recorded.',
		canClose: 'You can close this page now.',
		invalidTitle: 'This link is not valid',
		invalidText:
			'Nothing was recorded. Open the link from the message again, exactly as it was sent.',
		required: 'Please fill in this field.',
		notANumber: 'Please enter a number.',
		notAnEmail: 'Please enter an e-mail address.',
		notADate: 'Please enter a date.',
		notAChoice: 'Please choose one of the options.',
		choose: 'Choose…',
	},
	ru: {
		lang: 'ru',
		yourAnswer: 'Ваш ответ',
		thankYou: 'Спасибо!',
		recorded: 'Ваш ответ записан.',
		canClose: 'Эту страницу можно закрыть.',
		invalidTitle: 'Ссылка недействительна',
		invalidText:
			'Ничего не записано. Откройте ссылку из сообщения ещё раз, в точности как она была отправлена.',
		required: 'Заполните это поле.',
		notANumber: 'Введите число.',
		notAnEmail: 'Введите адрес электронной почты.',
		notADate: 'Введите дату.',
		notAChoice: 'Выберите один из вариантов.',
		choose: 'Выберите…',
	},
};

const CYRILLIC = /[\u0400-\u04FF]/g;
const LATIN = /[A-Za-z]/g;

/**
 * The page language: the one chosen, or with "auto" the script of the texts the user wrote (labels first, then the
 * message): mostly Cyrillic letters give Russian, anything else English.
 */
export function pageTexts(choice: string, userTexts: string[]): PageTexts {
	if (choice === 'en' || choice === 'ru') return TEXTS[choice];
	for (const text of userTexts) {
		const cyrillic = (text.match(CYRILLIC) ?? []).length;
		const latin = (text.match(LATIN) ?? []).length;
		if (cyrillic + latin === 0) continue;
		return cyrillic > latin ? TEXTS.ru : TEXTS.en;
	}
	return TEXTS.en;
}
