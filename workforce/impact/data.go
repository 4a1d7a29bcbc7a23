package impact

import (
	"bytes"
	"embed"
	"fmt"
	"math"
	"strconv"
	"sync"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/workforce"
)

//go:embed data/*.csv
var dataFS embed.FS

// FirstYear and LastYear bound the years of the embedded wage and GVA
// tables (2025 is preliminary).
const (
	FirstYear = 2019
	LastYear  = 2025
)

// SUTYear is the year of the embedded supply and use table.
const SUTYear = 2019

// WagesSource is the source of [Wages].
func WagesSource() exodus.Source {
	return exodus.Source{
		Publisher: "Rosstat (Federal State Statistics Service of Russia)",
		Title:     "Среднемесячная номинальная начисленная заработная плата работников по полному кругу организаций по видам экономической деятельности (в соответствии с ОКВЭД2) в Российской Федерации с 2017 года (average monthly nominal accrued wage of employees of organisations, by OKVED2 section)",
		URL:       "https://rosstat.gov.ru/storage/mediabank/tab3-zpl_2025.xlsx",
		Date:      "2026-02-25",
		Note:      "roubles per month; employees of organisations (full range, small firms included), not the self-employed; sections S, T and U not published; 2022–2025 exclude the DPR, LPR, Zaporozhye and Kherson regions; 2025 preliminary; read from github.com/Theclimateguy/AI_economy data/raw/russia/tab3-zpl_2025.xlsx (blob e16929c2a37d42175c2577bb6b5498e05d003135); date is the file's modification date",
	}
}

// GVASource is the source of [GVA].
func GVASource() exodus.Source {
	return exodus.Source{
		Publisher: "Rosstat (Federal State Statistics Service of Russia)",
		Title:     "Валовая добавленная стоимость по отраслям экономики (в текущих ценах, млрд. руб.) (gross value added by OKVED2 section, current prices), 2011–2025",
		URL:       "https://rosstat.gov.ru/storage/mediabank/VDS_god_OKVED2_s_2011-2025.xlsx",
		Date:      "2026-02-06",
		Note:      "billion roubles, basic prices, sheet 1, rounded to 0.1 bn; section U not published; L split into L 68 and owner-occupied dwellings; 2022–2025 exclude the DPR, LPR, Zaporozhye and Kherson regions; read from github.com/Theclimateguy/AI_economy data/raw/russia/VDS_god_OKVED2_s_2011-2025.xlsx (blob de3c78d488644f1f5e40c1cc549ea4f8f5d0879b)",
	}
}

// SUTSource is the source of [SUT2019] and [SUT2019Industries].
func SUTSource() exodus.Source {
	return exodus.Source{
		Publisher: "Rosstat (Federal State Statistics Service of Russia)",
		Title:     "Таблицы ресурсов и использования товаров и услуг Российской Федерации за 2019 год (supply and use tables of the Russian Federation, 2019, current prices)",
		URL:       "https://rosstat.gov.ru/storage/mediabank/tri-2019.xlsx",
		Date:      "2022-01-26",
		Note:      "sheets ТР (supply) and М-отеч (use of domestic output at basic prices, value-added block); 61 OKVED2 groups summed to sections A–T (no U); read from github.com/Theclimateguy/AI_economy data/raw/russia/io/tri-2019.xlsx (blob 3e5299ca66b0c99e1a906bf724f8e63fef627993)",
	}
}

// Wages returns Rosstat's average monthly nominal accrued wage of
// employees of organisations, in roubles per month, by OKVED2 section:
// rows "total" (the published all-activity average) and "A" to "U",
// columns "2019" to "2025" (2025 preliminary). Sections S, T and U have no
// row in the source: their cells are missing (NaN), never zero. The table
// carries [WagesSource]. See [MonthlyWage] for one cell.
func Wages() *workforce.Table { return loadData().wages }

// GVA returns Rosstat's gross value added at basic prices, current prices,
// in billion roubles (0.1 bn), columns "2019" to "2025", rows: "gdp" (GDP
// at market prices), "gva" (the published total), the sections "A" to "U"
// (U not published: missing), "L68" and "L_dwellings" (the two parts of L:
// market real estate activities, and the imputed services of
// owner-occupied dwellings, which no one is employed to produce), and
// "taxes", "subsidies" and "net_taxes" on products. Sections A–T add up
// to "gva", and "gva" plus "net_taxes" to "gdp", within the rounding. The
// table carries [GVASource].
func GVA() *workforce.Table { return loadData().gva }

// SUT2019 returns Rosstat's 2019 supply and use table aggregated to the 20
// sections A–T (no U), in million roubles: supply V, use of domestic
// output U_d, and each industry's gross value added (B1g) and compensation
// of employees (D1), the latter two from [SUT2019Industries] (0.1 bn).
// Its source is [SUTSource].
func SUT2019() SUT { return loadData().sut }

// SUT2019Industries returns the 2019 supply and use table's industry
// figures by section A–T and a row "total", in billion roubles (0.1 bn):
// columns "P1" (output), "B1g" (gross value added), "D1" (compensation of
// employees), "D11" (wages and salaries), "P7" (imported intermediate
// inputs) and "net_taxes" (net taxes on products used as inputs). Output
// is intermediate use (domestic U_d, imported P7 and net taxes) plus
// value added. The table carries [SUTSource].
func SUT2019Industries() *workforce.Table { return loadData().industries }

// MonthlyWage returns the average monthly wage of employees of
// organisations in section s in year (2019–2025), in roubles ([Wages]).
// Errors wrap [ErrNoData] (another year, an invalid sector) or
// [ErrMissing] (S, T and U, which Rosstat does not publish).
func MonthlyWage(s workforce.Sector, year int) (float64, error) {
	return cell(loadData().wages, "wage", s.String(), year, s.Valid())
}

// SectorGVA returns the gross value added of section s in year
// (2019–2025), in billion roubles ([GVA]). Errors wrap [ErrNoData]
// (another year, an invalid sector) or [ErrMissing] (U, not published).
func SectorGVA(s workforce.Sector, year int) (float64, error) {
	return cell(loadData().gva, "GVA", s.String(), year, s.Valid())
}

// GDP returns Russia's GDP at market prices in year (2019–2025), in
// billion roubles ([GVA], row "gdp"). Another year is an error wrapping
// [ErrNoData].
func GDP(year int) (float64, error) { return cell(loadData().gva, "GDP", "gdp", year, true) }

// TotalGVA returns Russia's published gross value added at basic prices in
// year (2019–2025), in billion roubles ([GVA], row "gva"). Another year is
// an error wrapping [ErrNoData].
func TotalGVA(year int) (float64, error) { return cell(loadData().gva, "GVA", "gva", year, true) }

// MarketRealEstateGVA returns the gross value added of L 68 (real estate
// activities without the imputed rent of owner-occupied dwellings) in year
// (2019–2025), in billion roubles ([GVA], row "L68"): the part of section
// L that people are employed to produce. Another year is an error wrapping
// [ErrNoData].
func MarketRealEstateGVA(year int) (float64, error) {
	return cell(loadData().gva, "GVA", "L68", year, true)
}

func cell(t *workforce.Table, what, row string, year int, ok bool) (float64, error) {
	j, has := t.ColIndex(strconv.Itoa(year))
	if !has || !ok {
		return 0, fmt.Errorf("impact: %s of %s in %d: %w (years %d–%d)", what, row, year, ErrNoData, FirstYear, LastYear)
	}
	i, has := t.RowIndex(row)
	if !has {
		return 0, fmt.Errorf("impact: %s of %s in %d: %w", what, row, year, ErrNoData)
	}
	v := t.At(i, j)
	if math.IsNaN(v) {
		return 0, fmt.Errorf("impact: %s of %s in %d: not published: %w", what, row, year, ErrMissing)
	}
	return v, nil
}

type embedded struct {
	wages, gva, industries *workforce.Table
	sut                    SUT
}

var loadData = sync.OnceValue(func() *embedded {
	d, err := parseEmbedded()
	if err != nil {
		panic("impact: embedded data: " + err.Error()) // caught by the tests
	}
	return d
})

func readEmbedded(name string, src exodus.Source) (*workforce.Table, error) {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return nil, err
	}
	t, err := workforce.ReadCSV(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return t.WithSources(src), nil
}

func parseEmbedded() (*embedded, error) {
	d := &embedded{}
	var err error
	if d.wages, err = readEmbedded("rosstat_wages_okved2.csv", WagesSource()); err != nil {
		return nil, err
	}
	if d.gva, err = readEmbedded("rosstat_gva_okved2.csv", GVASource()); err != nil {
		return nil, err
	}
	if d.industries, err = readEmbedded("rosstat_sut2019_industries.csv", SUTSource()); err != nil {
		return nil, err
	}
	use, err := readEmbedded("rosstat_sut2019_use_domestic.csv", SUTSource())
	if err != nil {
		return nil, err
	}
	sup, err := readEmbedded("rosstat_sut2019_supply.csv", SUTSource())
	if err != nil {
		return nil, err
	}
	labels := use.Rows()
	n := len(labels)
	u, err := NewMatrix(use.Values())
	if err != nil {
		return nil, err
	}
	vrows := sup.Values()
	for i := range vrows {
		var sum float64
		for _, x := range vrows[i][:n] {
			sum += x
		}
		if q := vrows[i][n]; sum != q { // whole million roubles: exact
			return nil, fmt.Errorf("supply row %s adds up to %g, published product output %g", labels[i], sum, q)
		}
		vrows[i] = vrows[i][:n] // drop the published product output q
	}
	v, err := NewMatrix(vrows)
	if err != nil {
		return nil, err
	}
	va, comp := make([]float64, n), make([]float64, n)
	for i, l := range labels {
		if va[i], err = d.industries.Get(l, "B1g"); err != nil {
			return nil, err
		}
		if comp[i], err = d.industries.Get(l, "D1"); err != nil {
			return nil, err
		}
		va[i] *= 1000 // bn → mln
		comp[i] *= 1000
	}
	if d.sut, err = NewSUT(labels, u, v, va, comp); err != nil {
		return nil, err
	}
	return d, nil
}
