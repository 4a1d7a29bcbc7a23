// Package finance converts money exactly: ISO 4217 currencies, exact
// amounts, dated exchange rates that keep their basis (official, reported
// or derived) and their sources, cross rates, averages over a period, the
// official rate files of the Central Bank of Russia and the ECB, and
// headline formatting such as "£12bn".
//
// The article behind exodus says citizens withdrew "a record 1.2 trillion
// roubles (approximately £12bn / $15bn)" in February 2022. In Go:
//
//	rates := finance.DefaultRates()
//	roubles := finance.MustParseAmount("1.2 trillion roubles")
//	c, err := rates.Exchange(roubles, finance.USD, time.Date(2022, 2, 25, 0, 0, 0, 0, time.UTC))
//	// c.To is 13804400842.99 USD ("$13.8bn") and c.Rate is
//	// "1 USD = 86.9288 RUB on 2022-02-25 (official)", with its source.
//	feb, err := rates.Average(finance.USD, finance.RUB, time.Date(2022, 2, 1, 0, 0, 0, 0, time.UTC), time.Date(2022, 2, 28, 0, 0, 0, 0, time.UTC))
//	usd, err := feb.Convert(roubles)
//	// at February 2022's calendar-day average of 77.4048 RUB/USD, usd is
//	// 15502920985.63 USD ("$15.5bn"); [ArticleRates] holds the derived
//	// 80 RUB/USD and 100 RUB/GBP that the article's "$15bn / £12bn" implies.
//
// # Currencies
//
// A [Currency] is an ISO 4217 code, a small comparable value. Constants
// exist for [RUB], [USD], [EUR], [GBP], [CNY], [JPY], [CHF], [KZT], [GEL],
// [AMD], [TRY], [RSD], [ILS] and [AED]; [ParseCurrency] gives any other code
// of the embedded list. [Currency.MinorUnits] is the ISO exponent (JPY 0,
// BHD 3, CLF 4, most 2); [Currency.Name], [Currency.Symbol],
// [Currency.Numeric] and [Currency.Withdrawn] give the rest.
//
// The list is embedded in data/iso4217.tsv: the 179 codes of SIX Group's
// ISO 4217 list one, published 2024-06-25
// (https://www.six-group.com/dam/download/financial-information/data-center/iso-currrency/lists/list-one.xml),
// and, so that old data still parses, the codes withdrawn since 2000 from
// list three (…/lists/list-three.xml, edition of 2023-01-01) with their
// withdrawal months, such as DEM (2002-03), RUR (2004-01) and HRK
// (2023-01). SLL and ZWL left list one before 2024-06-25 and are marked so. BGN, replaced by
// the euro on 2026-01-01, is still current in the embedded list.
// [Currency.Source] returns the citation for each code.
//
// # Amounts
//
// An [Amount] is an exact decimal quantity of one currency
// (github.com/shopspring/decimal inside, never a float). It is immutable;
// compare with [Amount.Equal] and [Amount.Cmp]. [Amount.Add],
// [Amount.Sub] and [Amount.Cmp] of different currencies return a
// *[MismatchError] (Cmp's doc says why it has an error result). Make one
// with [ParseAmount] from text, [NewAmountFromMinor] from integer minor
// units or [NewAmount] from a decimal; [Amount.Decimal], [Rate.Decimal] and
// [PeriodRate.Decimal] return the number of each (Amount's Value is the
// database/sql Valuer). There is no Div, since a quotient of money is
// rarely exact: [Amount.Split] divides into parts that add up, and
// [Amount.Allocate] by weights.
//
// [ParseAmount] reads what people write: "1200000000000 RUB",
// "RUB 1,200,000,000,000.00", "1.2 trillion roubles", "₽1.2 trillion",
// "£12bn", "$15 bn", "€3.5m", "12 billion pounds", "15 млрд долларов",
// and Russian-style numbers: "1 200 000 руб" (spaces, no-break or narrow
// no-break spaces between groups of three digits), "1,2 трлн руб" and
// "12,50 €" (a decimal comma wherever it cannot be a thousands separator;
// "1,200 RUB" is still 1200 roubles). [ParseAmount] states the rule.
// Scale words are short scale (a billion is 10⁹); "$" always means USD; a
// bare "¥" is refused as ambiguous. [Amount.String] is the canonical form
// ("1200000000000.00 RUB") and reads back unchanged. [Amount.Compact] is the
// headline form ("₽1.2trn", "$15bn"; from 1000 trillion up, scientific
// notation of the whole amount: "€1e38"). Amounts also implement fmt.Formatter,
// encoding.TextMarshaler, json.Marshaler ({"amount":"12.00","currency":"USD"},
// the number as a string so it stays exact) and database/sql's Scanner and
// driver.Valuer (as text).
//
// # Rounding
//
// Nothing rounds unless asked, and every rounding happens once, at the end,
// to a stated number of places with a named [RoundingMode]. [Amount.Round]
// and all conversions round half to even ([HalfEven]) to the target
// currency's minor units; [Amount.RoundTo] takes any mode: [HalfEven],
// [HalfUp], [HalfDown], [Up], [Down], [Ceiling], [Floor]. [Amount.Allocate]
// splits an amount by integer weights so that the parts add up to the last
// minor unit (largest remainders get the leftover units, ties to the first).
// For display only, [Amount.Compact] rounds half to even to three
// significant digits and [Amount.Format]'s %.Nf half to even to N places.
// The package never reads or sets shopspring/decimal's package variables
// such as DivisionPrecision, so results do not depend on them.
//
// # Rates and dates
//
// A [Rate] says "1 Base = [Rate.Decimal] Quote, in force from a date, known on a
// [Basis], published by a Source" ([NewRate]), and prints in the one
// written form "1 USD = 86.9288 RUB on 2022-02-25 (official)". Its [Basis]
// is [Official] (the issuing authority's own file), [Reported] (an official
// rate known from a secondary record: a news report, a copy kept by others;
// the Source's Note says how sure) or [Derived] (computed by us, such as a
// rate implied by a published conversion). Dates are whole days, kept as midnight UTC; a
// time.Time given to [NewRate] or [Rates.Find] counts by its calendar date in
// its own location, so midnight in Moscow is that Moscow day. A rate
// dated D applies from D: the Central Bank of Russia sets the rate dated D
// on the previous working day. [Rates] is a concurrency-safe table;
// [Rates.Find] returns the latest rate dated on or before the day asked for,
// found directly, inverted, or crossed through one common currency (RUB for
// CBR data), at most [DefaultMaxAge] (14) days old unless
// [FindOptions.MaxAge] or [FindOptions.AnyAge] says otherwise; [Rate.Age]
// gives its age in days (see "Which rate applies" under [Rates]).
// [Rates.Add] refuses a second quote of a pair and day, even with the same
// value from another source; [Rates.Replace] lets the new one win. Computed
// rates (inverses and cross rates) keep their exact value as a ratio and
// their chain of quoted rates ([Rate.Chain], [Rate.Sources]); a cross rate
// is dated by its older leg and is only as good as its weaker one. When no
// rate applies, [Rates.Find] and [Rates.Convert] return a *[RateError]
// wrapping [ErrNoRate], naming both currencies, the day and the limit; they
// never fall back to another date.
//
// [Rates.Exchange] converts and returns a [Conversion]: the result with the
// rate it used, its legs, dates, basis and sources, so that a conversion
// can be cited without a second lookup.
//
// [Rate.ConvertUnits] converts many amounts at one rate, given and
// returned as integer minor units (kopecks, cents), into a caller's slice
// without allocating; each result is exactly what [Rate.Convert] gives.
//
// # Periods
//
// A flow over a period, such as February 2022's withdrawals, converts at
// the average rate of the period. [Rates.Average] returns a [PeriodRate]:
// the calendar-day weighted average (every day of the period counts once,
// at the rate in force that day), the lowest and highest rate in force, and
// every rate in force with its days ([PeriodRate.Spans]). If a day has no
// rate in force within the age limit it refuses with a *[PeriodError]
// naming the missing days.
//
// A Rate marshals to JSON with its exact value as a string, its date, its
// basis and its source, and a computed rate with its chain of quoted rates, from which
// [Rate.UnmarshalJSON] rebuilds it ([Rate.MarshalJSON] gives the shape).
//
// # Official files
//
// Rates read from these files are [Official]. [ParseCBR] reads the Central
// Bank of Russia's XML_daily and XML_dynamic
// responses as served (windows-1251, comma decimals, Nominal 1, 10, 100,
// 1000 or 10000, with or without VunitRate); a Nominal that is not a power
// of ten is refused, so every quoted rate is exact. [ParseECB] reads the ECB's eurofxref-daily and
// eurofxref-hist files; the ECB published no RUB rate after 1 March 2022.
// [ParseRates] reads either, telling them apart by the file's root element.
// All three bound their input (64 MiB; 2^20 elements; 2^21 elements and
// attributes; numbers of at most 20 significant digits, where official
// rates have about ten) and reject malformed or truncated files, and
// anything they would otherwise have to ignore (an element inside a value,
// a repeated or namespaced attribute, an ECB day without rates), with an
// error wrapping [ErrFormat].
//
// # Default rates
//
// [DefaultRates] holds the embedded official and reported rates, each with
// its basis and source, and no derived rate: four complete CBR daily files
// (04.02.2022, 15.03.2022, 23.07.2022, 09.11.2024), every CBR rate of
// February 2022 and 1-2 March 2022 for USD, EUR (official), GBP and CNY
// (reported), and CBR rates reported for USD (and some for EUR and CNY) on
// other dates by news reports and fixtures. [ArticleRates] holds, apart,
// the derived 80 RUB/USD and 100 RUB/GBP that the article's own conversion
// implies, dated 01.06.2023. Their documentation lists every date and what
// a query between them returns.
//
// # Errors
//
// Errors wrap sentinels for errors.Is ([ErrUnknownCurrency], [ErrSyntax],
// [ErrNoRate], [ErrInvalidRate], [ErrDuplicateRate], [ErrFormat],
// [ErrInvalidWeights], [ErrRange], [ErrInvalidPeriod]) or are typed for
// errors.As (*[MismatchError], *[RateError], *[PeriodError]), and quote the
// bad value. Nothing panics except the Must
// functions, which are meant for literals.
package finance
