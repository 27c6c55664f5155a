// Name and place lists for synthetic demo data. Each entry pairs the Ukrainian form with the
// Russian form the holding side's records use, so the demo exercises cross-script search.

export interface GivenName {
  readonly uk: string;
  readonly ru: string;
  readonly sex: "M" | "F";
}

export const GIVEN_NAMES: readonly GivenName[] = [
  { uk: "Олександр", ru: "Александр", sex: "M" },
  { uk: "Андрій", ru: "Андрей", sex: "M" },
  { uk: "Дмитро", ru: "Дмитрий", sex: "M" },
  { uk: "Максим", ru: "Максим", sex: "M" },
  { uk: "Артем", ru: "Артём", sex: "M" },
  { uk: "Іван", ru: "Иван", sex: "M" },
  { uk: "Богдан", ru: "Богдан", sex: "M" },
  { uk: "Назар", ru: "Назар", sex: "M" },
  { uk: "Микола", ru: "Николай", sex: "M" },
  { uk: "Сергій", ru: "Сергей", sex: "M" },
  { uk: "Михайло", ru: "Михаил", sex: "M" },
  { uk: "Денис", ru: "Денис", sex: "M" },
  { uk: "Владислав", ru: "Владислав", sex: "M" },
  { uk: "Єгор", ru: "Егор", sex: "M" },
  { uk: "Кирило", ru: "Кирилл", sex: "M" },
  { uk: "Тимофій", ru: "Тимофей", sex: "M" },
  { uk: "Данило", ru: "Даниил", sex: "M" },
  { uk: "Ярослав", ru: "Ярослав", sex: "M" },
  { uk: "Віктор", ru: "Виктор", sex: "M" },
  { uk: "Юрій", ru: "Юрий", sex: "M" },
  { uk: "Ілля", ru: "Илья", sex: "M" },
  { uk: "Матвій", ru: "Матвей", sex: "M" },
  { uk: "Георгій", ru: "Георгий", sex: "M" },
  { uk: "Григорій", ru: "Григорий", sex: "M" },
  { uk: "Анна", ru: "Анна", sex: "F" },
  { uk: "Марія", ru: "Мария", sex: "F" },
  { uk: "Софія", ru: "София", sex: "F" },
  { uk: "Вікторія", ru: "Виктория", sex: "F" },
  { uk: "Олена", ru: "Елена", sex: "F" },
  { uk: "Дарина", ru: "Дарина", sex: "F" },
  { uk: "Анастасія", ru: "Анастасия", sex: "F" },
  { uk: "Катерина", ru: "Екатерина", sex: "F" },
  { uk: "Ольга", ru: "Ольга", sex: "F" },
  { uk: "Юлія", ru: "Юлия", sex: "F" },
  { uk: "Аліна", ru: "Алина", sex: "F" },
  { uk: "Поліна", ru: "Полина", sex: "F" },
  { uk: "Ірина", ru: "Ирина", sex: "F" },
  { uk: "Тетяна", ru: "Татьяна", sex: "F" },
  { uk: "Валерія", ru: "Валерия", sex: "F" },
  { uk: "Єлизавета", ru: "Елизавета", sex: "F" },
  { uk: "Злата", ru: "Злата", sex: "F" },
  { uk: "Христина", ru: "Кристина", sex: "F" },
  { uk: "Мирослава", ru: "Мирослава", sex: "F" },
  { uk: "Ганна", ru: "Анна", sex: "F" },
];

/** Names the holding side's records sometimes give a child after deportation. */
export const NEW_GIVEN_NAMES: Readonly<Record<"M" | "F", readonly string[]>> = {
  M: ["Кирилл", "Никита", "Алексей", "Владимир", "Павел", "Степан", "Глеб"],
  F: ["Ксения", "Варвара", "Алёна", "Вера", "Людмила", "Светлана", "Арина"],
};

export interface Surname {
  readonly ukM: string;
  readonly ukF: string;
  readonly ruM: string;
  readonly ruF: string;
}

const same = (uk: string, ru: string = uk): Surname => ({ ukM: uk, ukF: uk, ruM: ru, ruF: ru });
const gendered = (ukM: string, ukF: string, ruM: string, ruF: string): Surname => ({ ukM, ukF, ruM, ruF });

export const SURNAMES: readonly Surname[] = [
  same("Коваленко"), same("Бондаренко"), same("Шевченко"), same("Ткаченко"), same("Кравченко"),
  same("Олійник", "Олейник"), same("Мельник"), same("Шевчук"), same("Поліщук", "Полищук"),
  same("Бойко"), same("Савченко"), same("Руденко"), same("Лисенко", "Лысенко"), same("Марченко"),
  same("Петренко"), same("Гриценко"), same("Ковальчук"), same("Романюк"), same("Павленко"),
  same("Левченко"), same("Кузьменко"), same("Гончаренко"), same("Клименко"),
  same("Іваненко", "Иваненко"), same("Мороз"), same("Гнатюк"), same("Литвиненко"),
  same("Зінченко", "Зинченко"), same("Пономаренко"), same("Гаврилюк"), same("Оліфіренко", "Олифиренко"),
  gendered("Ковальський", "Ковальська", "Ковальский", "Ковальская"),
  gendered("Вишневський", "Вишневська", "Вишневский", "Вишневская"),
  gendered("Жуковський", "Жуковська", "Жуковский", "Жуковская"),
  gendered("Іванов", "Іванова", "Иванов", "Иванова"),
  gendered("Кузнєцов", "Кузнєцова", "Кузнецов", "Кузнецова"),
  gendered("Соколов", "Соколова", "Соколов", "Соколова"),
  gendered("Чорний", "Чорна", "Черный", "Черная"),
  gendered("Білий", "Біла", "Белый", "Белая"),
];

/** Adoptive surnames the holding side's records sometimes carry. */
export const ADOPTIVE_SURNAMES: readonly Surname[] = [
  gendered("", "", "Смирнов", "Смирнова"),
  gendered("", "", "Волков", "Волкова"),
  gendered("", "", "Лебедев", "Лебедева"),
  gendered("", "", "Морозов", "Морозова"),
  gendered("", "", "Новиков", "Новикова"),
];

export interface Patronymic {
  readonly father: GivenName;
  readonly ukM: string;
  readonly ukF: string;
  readonly ruM: string;
  readonly ruF: string;
}

const father = (uk: string, ru: string): GivenName => ({ uk, ru, sex: "M" });

export const PATRONYMICS: readonly Patronymic[] = [
  { father: father("Олександр", "Александр"), ukM: "Олександрович", ukF: "Олександрівна", ruM: "Александрович", ruF: "Александровна" },
  { father: father("Андрій", "Андрей"), ukM: "Андрійович", ukF: "Андріївна", ruM: "Андреевич", ruF: "Андреевна" },
  { father: father("Сергій", "Сергей"), ukM: "Сергійович", ukF: "Сергіївна", ruM: "Сергеевич", ruF: "Сергеевна" },
  { father: father("Володимир", "Владимир"), ukM: "Володимирович", ukF: "Володимирівна", ruM: "Владимирович", ruF: "Владимировна" },
  { father: father("Віктор", "Виктор"), ukM: "Вікторович", ukF: "Вікторівна", ruM: "Викторович", ruF: "Викторовна" },
  { father: father("Микола", "Николай"), ukM: "Миколайович", ukF: "Миколаївна", ruM: "Николаевич", ruF: "Николаевна" },
  { father: father("Іван", "Иван"), ukM: "Іванович", ukF: "Іванівна", ruM: "Иванович", ruF: "Ивановна" },
  { father: father("Юрій", "Юрий"), ukM: "Юрійович", ukF: "Юріївна", ruM: "Юрьевич", ruF: "Юрьевна" },
];

export interface Place {
  readonly uk: string;
  /** The form the holding side writes, including names it restored or imposed (Бахмут → Артёмовск). */
  readonly ru: string;
  readonly oblastUk: string;
}

export const ORIGIN_PLACES: readonly Place[] = [
  { uk: "Маріуполь", ru: "Мариуполь", oblastUk: "Донецька область" },
  { uk: "Бахмут", ru: "Артёмовск", oblastUk: "Донецька область" },
  { uk: "Волноваха", ru: "Волноваха", oblastUk: "Донецька область" },
  { uk: "Вугледар", ru: "Угледар", oblastUk: "Донецька область" },
  { uk: "Донецьк", ru: "Донецк", oblastUk: "Донецька область" },
  { uk: "Херсон", ru: "Херсон", oblastUk: "Херсонська область" },
  { uk: "Нова Каховка", ru: "Новая Каховка", oblastUk: "Херсонська область" },
  { uk: "Олешки", ru: "Алешки", oblastUk: "Херсонська область" },
  { uk: "Генічеськ", ru: "Геническ", oblastUk: "Херсонська область" },
  { uk: "Скадовськ", ru: "Скадовск", oblastUk: "Херсонська область" },
  { uk: "Мелітополь", ru: "Мелитополь", oblastUk: "Запорізька область" },
  { uk: "Бердянськ", ru: "Бердянск", oblastUk: "Запорізька область" },
  { uk: "Енергодар", ru: "Энергодар", oblastUk: "Запорізька область" },
  { uk: "Токмак", ru: "Токмак", oblastUk: "Запорізька область" },
  { uk: "Сєвєродонецьк", ru: "Северодонецк", oblastUk: "Луганська область" },
  { uk: "Лисичанськ", ru: "Лисичанск", oblastUk: "Луганська область" },
  { uk: "Рубіжне", ru: "Рубежное", oblastUk: "Луганська область" },
  { uk: "Попасна", ru: "Попасная", oblastUk: "Луганська область" },
  { uk: "Ізюм", ru: "Изюм", oblastUk: "Харківська область" },
  { uk: "Куп'янськ", ru: "Купянск", oblastUk: "Харківська область" },
];

/** Where the holding side's records place children: institutions and foster families. */
export const HOLDING_PLACES: readonly string[] = [
  "Ростов-на-Дону", "Таганрог", "Краснодар", "Анапа", "Евпатория", "Москва", "Подольск",
  "Нижний Новгород", "Кемерово", "Омск", "Вологда", "Курск", "Белгород", "Воронеж", "Тамбов",
  "Новосибирск",
];

/** Where families in Ukraine live now; never shown to the holding side. */
export const FAMILY_CITIES: readonly string[] = [
  "Запоріжжя", "Дніпро", "Київ", "Львів", "Одеса", "Вінниця", "Полтава", "Черкаси", "Житомир",
  "Кривий Ріг", "Миколаїв",
];

export const STREETS: readonly string[] = [
  "вул. Соборна", "вул. Шевченка", "просп. Незалежності", "вул. Лесі Українки", "вул. Садова",
  "вул. Миру", "вул. Центральна", "вул. Героїв України", "вул. Вишнева",
];
