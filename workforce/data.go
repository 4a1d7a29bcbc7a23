package workforce

import (
	"bytes"
	"embed"
	"fmt"
	"math"
	"slices"
	"strconv"
	"sync"

	"github.com/exodus-lab/exodus"
)

//go:embed data/*.csv
var dataFS embed.FS

// RosstatSource is the source of [RosstatEmployment].
func RosstatSource() exodus.Source {
	return exodus.Source{
		Publisher: "Rosstat (Federal State Statistics Service of Russia)",
		Title:     "Среднегодовая численность занятых в России по видам экономической деятельности (average annual number employed, by OKVED2 section), 2017–2024",
		URL:       "https://rosstat.gov.ru/storage/mediabank/05-05_2017-2024.xls",
		Date:      "2025",
		Note:      "thousand persons; file 05-05_2017-2024.xls last saved 2025-08-11; 2017–2022 revised for the 2020 census; 2022–2024 exclude the DPR, LPR, Zaporozhye and Kherson regions; sections T and U not published separately",
	}
}

// ILOSTATSource is the source of [ILOSTATSectorOccupation] for year.
func ILOSTATSource(year int) exodus.Source {
	return exodus.Source{
		Publisher: "International Labour Organization (ILOSTAT)",
		Title:     "Employment by economic activity and occupation (thousands), EMP_TEMP_ECO_OCU_NB, Russian Federation, " + strconv.Itoa(year),
		URL:       "https://ilostat.ilo.org/data/",
		Note:      "labour force survey; ISIC Rev.4 section × ISCO-08 major group, both sexes; read from the ILOSTAT bulk download as converted by open-numbers/ddf--ilo--ilostat (commit c50d060595275a48961dbd0c5971eedea95ffad8); release date not recorded in that copy; suppressed cells are missing",
	}
}

// ILOSTATEducationSource is the source of [ILOSTATSectorEducation] for
// year.
func ILOSTATEducationSource(year int) exodus.Source {
	return exodus.Source{
		Publisher: "International Labour Organization (ILOSTAT)",
		Title:     "Employment by sex, economic activity and education (thousands), EMP_TEMP_SEX_ECO_EDU_NB, Russian Federation, " + strconv.Itoa(year),
		URL:       "https://ilostat.ilo.org/data/",
		Note:      "labour force survey; ISIC Rev.4 section × ISCED-97 level as published, both sexes; read from the ILOSTAT bulk download as converted by open-numbers/ddf--ilo--ilostat (commit c50d060595275a48961dbd0c5971eedea95ffad8); release date not recorded in that copy; suppressed cells are missing; the coding of education changes between 2021 and 2022 (not documented by the source): never a series",
	}
}

// LabourForceSource is the source of [LabourForce].
func LabourForceSource() exodus.Source {
	return exodus.Source{
		Publisher: "Rosstat (Federal State Statistics Service of Russia)",
		Title:     "Labour force survey, November 2022: labour force 75.1 million, employed 72.4 million, unemployed 2.7 million (3.7%)",
		URL:       "https://www.economy.com/russian-federation/total-employment",
		Note:      "population aged 15 and over, ILO definitions; reference month November 2022, as reported by economy.com and https://primorye24.ru/news/post/169967-uroven-bezraboticy-v-rossii-snizilsya-do-rekordnogo-minimuma; Rosstat's annual averages for 2021 and 2022 were not found; publication date not recorded",
	}
}

// LabourForce returns Russia's labour force in persons, the base that "1.5%
// of the workforce" refers to: 75.1 million in November 2022 (Rosstat's
// labour force survey, population aged 15 and over; see
// [LabourForceSource]). It is a monthly figure rounded by the publisher to
// 0.1 million; Rosstat's annual average for 2022 was not found.
func LabourForce() float64 {
	d := loadData()
	return d.labourForce
}

// RosstatEmployment returns Rosstat's average annual number of persons
// employed, by OKVED2 section, 2017–2024, in thousands: rows "A" to "S"
// (sections T and U are not published separately), columns "2017" to
// "2024". Rosstat's published all-activity total, which includes T and U,
// is [RosstatEmploymentTotal]. The table carries [RosstatSource].
func RosstatEmployment() *Table { return loadData().rosstat }

// RosstatEmploymentTotal returns Rosstat's published total of persons
// employed in year (2017–2024), in thousands. Another year is an error
// wrapping [ErrNoData].
func RosstatEmploymentTotal(year int) (float64, error) {
	d := loadData()
	j, ok := d.rosstat.ColIndex(strconv.Itoa(year))
	if !ok {
		return 0, fmt.Errorf("workforce: Rosstat employment total for %d: %w", year, ErrNoData)
	}
	return d.rosstatTotal[j], nil
}

// ILOSTATSectorOccupation returns ILOSTAT's employment by ISIC Rev.4
// section (rows "A" to "U") and ISCO-08 major group (columns "1" to "9") for
// year 2021 or 2022, in thousands, from Rosstat's labour force survey.
// Cells that ILOSTAT suppresses are missing (NaN), never zero; no armed
// forces group is published for Russia. The published section totals,
// which include the suppressed cells, are [ILOSTATSectorTotals]. Another
// year is an error wrapping [ErrNoData]. The table carries [ILOSTATSource].
//
// The suppressed cells and what they hold together (a section's published
// total less its published cells, in thousands) are:
//
//   - 2021: B6 0.753, E6 0.625, J6 0.000, K6 0.052; in T, groups 1–4, 7 and 8
//     together 0.306; all of U, whose total is not published either (the
//     grand total less sections A–T: 0.624).
//   - 2022: E6 0.138, J6 0.000, K6 0.122; in T, groups 1–4 and 8 together
//     0.729; in U, every group but 2, together 0.219.
//
// Published figures are rounded to 0.001 thousand, so complete rows and
// columns miss their totals by up to a few units of 0.001.
func ILOSTATSectorOccupation(year int) (*Table, error) {
	d, err := iloYear(year)
	if err != nil {
		return nil, err
	}
	return d.cells, nil
}

// ILOSTATSectorTotals returns ILOSTAT's published employment by section
// A–U for year 2021 or 2022, in thousands, in [Sectors] order. Section U in
// 2021 is not published; it is reported as NaN. Another year is an error
// wrapping [ErrNoData].
func ILOSTATSectorTotals(year int) ([]float64, error) {
	d, err := iloYear(year)
	if err != nil {
		return nil, err
	}
	return slices.Clone(d.sectionTotals), nil
}

// ILOSTATSectorEducation returns ILOSTAT's employment by ISIC Rev.4
// section and education for year 2021 or 2022, in thousands, from
// Rosstat's labour force survey: row "total" (the published totals), then
// rows "A" to "T" (section U has no published row); columns "1" to "6"
// (ISCED-97 levels, as published), "total" (the published section total)
// and "advanced" (ILO's aggregate of ISCED-97 levels 5 and 6, the
// degree-holding employment of [DefaultSectorProfile], as published).
// Suppressed cells are missing (NaN): 2021 E6, I6, K1, T1 and T6; 2022 J1,
// K1, T1 and T5. Another year is an error wrapping [ErrNoData]. The table
// carries [ILOSTATEducationSource].
//
// The coding of education breaks between the years, which the source does
// not document: "advanced" is 35.4 million (50.6% of employment) in 2021
// and 25.0 million (34.8%) in 2022. Never read the two years as a series;
// which Russian levels are coded 5 and 6 is not stated.
func ILOSTATSectorEducation(year int) (*Table, error) {
	d, err := iloYear(year)
	if err != nil {
		return nil, err
	}
	return d.education, nil
}

// DefaultEmployment returns the default sector × occupation employment for
// year (2021 or 2022), in persons: rows "A" to "U", columns ISCO-08 groups
// "1" to "9". It combines two sources, as the publishers' definitions
// differ (workplace-based balance vs labour force survey):
//
//   - Section totals A–S are Rosstat's ([RosstatEmployment]). Sections T and
//     U share Rosstat's unpublished remainder (the published total minus
//     A–S, 60.7 thousand in 2022) in proportion to ILOSTAT's T and U totals;
//     ILOSTAT's U for 2021, unpublished, is taken as its grand total minus
//     its published sections (0.624 thousand).
//   - Each section's occupation mix is ILOSTAT's ([ILOSTATSectorOccupation]).
//     A suppressed cell gets an even share of the gap between its
//     section's published total and the published cells
//     ([Table.SpreadMissing]); the source gives no split.
//
// The table carries both sources and a note saying so. Another year is an
// error wrapping [ErrNoData].
func DefaultEmployment(year int) (*Table, error) {
	d, err := iloYear(year)
	if err != nil {
		return nil, err
	}
	return d.combined, nil
}

// DefaultWorkforce returns [DefaultEmployment] for year aggregated to the
// four ILO skill levels (columns "1" to "4") with the zero [SkillMap]
// (ISCO group 1 split evenly between levels 3 and 4), in persons. As a
// [Scenario].Workforce it is the embedded data, like a nil Workforce: a
// Share with no Base is a share of [LabourForce].
func DefaultWorkforce(year int) (*Table, error) {
	t, err := DefaultEmployment(year)
	if err != nil {
		return nil, err
	}
	w, err := t.SkillLevels(SkillMap{})
	if err != nil {
		return nil, err
	}
	w.russia = true
	return w, nil
}

type iloData struct {
	cells         *Table
	sectionTotals []float64
	combined      *Table
	education     *Table
}

type embedded struct {
	rosstat      *Table
	rosstatTotal []float64
	labourForce  float64
	ilo          map[int]*iloData
}

var loadData = sync.OnceValue(func() *embedded {
	d, err := parseEmbedded()
	if err != nil {
		panic("workforce: embedded data: " + err.Error()) // caught by the tests
	}
	return d
})

func iloYear(year int) (*iloData, error) {
	d, ok := loadData().ilo[year]
	if !ok {
		return nil, fmt.Errorf("workforce: sector × occupation data for %d: %w", year, ErrNoData)
	}
	return d, nil
}

func readEmbedded(name string) (*Table, error) {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return nil, err
	}
	return ReadCSV(bytes.NewReader(b))
}

func parseEmbedded() (*embedded, error) {
	d := &embedded{ilo: map[int]*iloData{}}
	t, err := readEmbedded("rosstat_employment_okved2.csv")
	if err != nil {
		return nil, err
	}
	d.rosstatTotal = t.Row(0)
	rows := t.Rows()[1:]
	d.rosstat = newTableOwned(rows, t.Cols(), t.v[len(t.cols):], []exodus.Source{RosstatSource()})

	lf, err := readEmbedded("rosstat_lfs.csv")
	if err != nil {
		return nil, err
	}
	v, err := lf.Get("2022-11", "labour_force")
	if err != nil {
		return nil, err
	}
	d.labourForce = v * 1e6

	for _, year := range []int{2021, 2022} {
		t, err := readEmbedded(fmt.Sprintf("ilostat_eco_ocu_%d.csv", year))
		if err != nil {
			return nil, err
		}
		y, err := buildILO(t, year, d)
		if err != nil {
			return nil, err
		}
		e, err := readEmbedded(fmt.Sprintf("ilostat_eco_edu_%d.csv", year))
		if err != nil {
			return nil, err
		}
		y.education = newTableOwned(e.rows, e.cols, e.v, []exodus.Source{ILOSTATEducationSource(year)})
		d.ilo[year] = y
	}
	return d, nil
}

func buildILO(t *Table, year int, d *embedded) (*iloData, error) {
	r, c := t.Dims()
	if r != NumSectors+1 || c != 10 {
		return nil, fmt.Errorf("ILOSTAT %d: %d×%d table", year, r, c)
	}
	occ := t.Cols()[:9]
	secs := t.Rows()[1:]
	grand := t.At(0, 9)
	cells := make([]float64, 0, NumSectors*9)
	totals := make([]float64, NumSectors)
	known, unknown := 0.0, -1
	for i := range NumSectors {
		cells = append(cells, t.Row(i + 1)[:9]...)
		totals[i] = t.At(i+1, 9)
		if math.IsNaN(totals[i]) {
			unknown = i
		} else {
			known += totals[i]
		}
	}
	y := &iloData{
		cells:         newTableOwned(secs, occ, cells, []exodus.Source{ILOSTATSource(year)}),
		sectionTotals: totals,
	}
	filled := slices.Clone(totals)
	if unknown >= 0 {
		filled[unknown] = grand - known // COMPUTED: the only unpublished section
	}
	mix, err := y.cells.SpreadMissing(filled)
	if err != nil {
		return nil, err
	}
	if mix, err = mix.RowShares(); err != nil {
		return nil, err
	}
	col, ok := d.rosstat.ColIndex(strconv.Itoa(year))
	if !ok {
		return nil, fmt.Errorf("no Rosstat column for %d", year)
	}
	size := make([]float64, NumSectors)
	listed := 0.0
	for i := range NumSectors - 2 { // A–S
		size[i] = d.rosstat.At(i, col) * 1000
		listed += size[i]
	}
	rest := d.rosstatTotal[col]*1000 - listed
	tu := filled[NumSectors-2] + filled[NumSectors-1]
	size[NumSectors-2] = rest * filled[NumSectors-2] / tu
	size[NumSectors-1] = rest * filled[NumSectors-1] / tu
	v := make([]float64, 0, NumSectors*9)
	for i := range NumSectors {
		for j := range 9 {
			v = append(v, size[i]*mix.At(i, j))
		}
	}
	note := exodus.Source{
		Publisher: "exodus",
		Title:     "default sector × occupation employment, " + strconv.Itoa(year),
		Note:      "a table derived by exodus from the two sources before it, so no publication date of its own; section totals A–S from Rosstat (workplace-based balance); T and U share Rosstat's unpublished remainder in proportion to ILOSTAT's T and U; occupation mix within each section from ILOSTAT (labour force survey), suppressed cells filled evenly from the gap to the published section total",
	}
	y.combined = newTableOwned(secs, occ, v, []exodus.Source{RosstatSource(), ILOSTATSource(year), note})
	return y, nil
}
