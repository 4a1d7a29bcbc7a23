package impact

import (
	"fmt"

	"github.com/exodus-lab/exodus"
)

// An Indicator is a sourced figure that sets the impact in context, such
// as the share of firms reporting a shortage of workers. Indicators are
// for citing beside the results; no model uses them.
type Indicator struct {
	// Name says what is measured, in English.
	Name string
	// Value is the figure in Unit.
	Value float64
	// Unit is "%" (per cent), "balance" (percentage points of a survey
	// balance) or "persons".
	Unit string
	// Period is the period the figure refers to, in ISO 8601 form
	// ("2023-10", "2023", "2024-Q2").
	Period string
	// Source is where it was published.
	Source exodus.Source
}

// String returns "Name: Value Unit (Period)".
func (i Indicator) String() string {
	switch i.Unit {
	case "%":
		return fmt.Sprintf("%s: %g%% (%s)", i.Name, i.Value, i.Period)
	case "persons":
		return fmt.Sprintf("%s: %.3g million (%s)", i.Name, i.Value/1e6, i.Period)
	}
	return fmt.Sprintf("%s: %g %s (%s)", i.Name, i.Value, i.Unit, i.Period)
}

// Context returns the staff-shortage indicators of 2022–2024 that the
// sources give, in a fixed order, for a report to cite beside the losses:
//
//   - the Gaidar Institute's survey of industrial firms, share reporting a
//     shortage of workers: 26% (January 2022), 35% (April 2023), 47%
//     (January 2024, the highest since 1996);
//   - the Bank of Russia's monitoring of some 15,000 firms, balance of
//     answers on staff adequacy: −14.4 (2022 average), −23.5 (2023
//     average), −30.8 (second quarter of 2024, a record low);
//   - Rosstat's unemployment rate (labour force survey, ILO definition):
//     2.9% in October 2023, the lowest on record;
//   - the Institute of Economics (Russian Academy of Sciences): a deficit
//     of 4.8 million workers in 2023;
//   - the Ministry of Digital Development's claim that 80% of IT
//     specialists abroad keep working for Russian companies (December
//     2022), the outlier that [DefaultRemoteShare] does not use.
//
// Each call returns a new slice.
func Context() []Indicator {
	gaidar := func(v float64, period, title, url, date, note string) Indicator {
		return Indicator{Name: "industrial firms reporting a shortage of workers (Gaidar Institute survey)", Value: v, Unit: "%", Period: period,
			Source: exodus.Source{Publisher: "Gaidar Institute for Economic Policy (S. Tsukhlo)", Title: title, URL: url, Date: date, Note: note}}
	}
	cbr := func(v float64, period, title, url, date, note string) Indicator {
		return Indicator{Name: "staffing balance of firms (Bank of Russia monitoring)", Value: v, Unit: "balance", Period: period,
			Source: exodus.Source{Publisher: "Bank of Russia", Title: title, URL: url, Date: date, Note: note}}
	}
	return []Indicator{
		gaidar(26, "2022-01", "Опрос … зафиксировал рекордный с 1996 года уровень дефицита работников", "https://nvdaily.ru/info/279417.html", "2023-05", "monthly EU/OECD-harmonised survey of industrial firms; via RBC / NV Daily"),
		gaidar(35, "2023-04", "Опрос … зафиксировал рекордный с 1996 года уровень дефицита работников", "https://nvdaily.ru/info/279417.html", "2023-05", "record since 1996 at the time; via RBC / NV Daily"),
		gaidar(47, "2024-01", "Почти половина промышленных предприятий России осталась без квалифицированных кадров", "https://rbc.ru/economics/01/02/2024/65bb81b79a794728f5e526f3", "2024-02", "share of industrial managers reporting a shortage of qualified staff, the highest since 1996; the last survey before the laboratory closed; also https://ukrrudprom.ua/news/Pochti_polovina_promishlennih_predpriyatiy_Rossii_ostalas_bez_kvalifitsirovannih_kadrov.html"),
		cbr(-14.4, "2022", "Опрос ЦБ показал, что дефицит кадров в IV квартале продолжил сокращаться", "https://www.interfax.ru/business/1069547", "2026-01-26", "annual average; −6.4 in 2020, −14.8 in 2021; via Interfax"),
		cbr(-23.5, "2023", "Опрос ЦБ показал, что дефицит кадров в IV квартале продолжил сокращаться", "https://www.interfax.ru/business/1069547", "2026-01-26", "annual average; via Interfax"),
		cbr(-30.8, "2024-Q2", "Центробанк зафиксировал рекордный дефицит кадров в России", "https://moscowtimes.click/2024/07/19/tsentrobank-zafiksiroval-rekordnii-defitsit-kadrov-v-rossii-a137231", "2024-07-19", "record low of the series; −16.2 in Q4 2022; via a mirror of The Moscow Times"),
		{Name: "unemployment rate (Rosstat, ILO definition, aged 15+)", Value: 2.9, Unit: "%", Period: "2023-10",
			Source: exodus.Source{Publisher: "Rosstat, via RBC", Title: "Безработица впервые в истории России опустилась ниже 3%", URL: "https://rbc.ru/economics/29/11/2023/65675ea99a794703bf151827", Date: "2023-11-29", Note: "about 2.2 million unemployed, 74.1 million employed; lowest since the early 1990s; labour force survey, not seasonally adjusted"}},
		{Name: "worker deficit (Institute of Economics, Russian Academy of Sciences)", Value: 4.8e6, Unit: "persons", Period: "2023",
			Source: exodus.Source{Publisher: "Institute of Economics RAS (N. Akhapkin), via Izvestia / Reuters", Title: "Russia short of around 4.8 million workers in 2023, crunch to persist", URL: "https://pledgetimes.com/russian-attack-a-worsening-labor-shortage-threatens-the-russian-economy/", Date: "2023-12-24", Note: "Rosstat's vacancy rate (6.8% of payroll headcount by mid-2023) extrapolated to the whole labour force; an estimate, not a count; also https://news24.monster/?p=9253"}},
		{Name: "IT specialists abroad still working for Russian companies (ministry claim)", Value: 80, Unit: "%", Period: "2022",
			Source: exodus.Source{Publisher: "Ministry of Digital Development (Minister Shadayev), via AFP / BM.ge", Title: "Moscow says 100K IT specialists have left Russia this year", URL: "https://bm.ge/en/article/moscow-says-100k-it-specialists-have-left-russia-this-year/123234/", Date: "2022-12", Note: "official claim about some 100,000 IT specialists; conflicts with the surveys' 13–25% for all emigrants (OutRush, RANEPA): an outlier, not a model input"}},
	}
}
