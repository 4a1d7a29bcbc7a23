package workforce_test

import (
	"errors"
	"math"
	"strconv"
	"testing"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/workforce"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestRosstatEmployment(t *testing.T) {
	tab := workforce.RosstatEmployment()
	if r, c := tab.Dims(); r != 19 || c != 8 { // sections A–S, 2017–2024
		t.Fatalf("Dims = %d×%d", r, c)
	}
	// Rosstat 05-05_2017-2024.xls: C 2021 = 10,066.3; J 2022 = 1,636.6 thousand.
	if v, _ := tab.Get("C", "2021"); v != 10066.3 {
		t.Errorf("C 2021 = %v", v)
	}
	if v, _ := tab.Get("J", "2022"); v != 1636.6 {
		t.Errorf("J 2022 = %v", v)
	}
	tot, err := workforce.RosstatEmploymentTotal(2022)
	if err != nil || tot != 71902.6 { // same file, «Всего» 2022
		t.Errorf("total 2022 = %v, %v", tot, err)
	}
	// The published total («Всего») less sections A–S is the unlisted T+U
	// remainder; hand: «Всего» less the sum of A–S, each year, from Rosstat's
	// 05-05_2017-2024.xls.
	residual := map[string]float64{"2017": 80.5, "2018": 72.9, "2019": 71.7, "2020": 64.8, "2021": 63.4, "2022": 60.7, "2023": 72.1, "2024": 64.7}
	for j, y := range tab.Cols() {
		var listed float64
		for i := range 19 {
			listed += tab.At(i, j)
		}
		yr, _ := strconv.Atoi(y)
		total, err := workforce.RosstatEmploymentTotal(yr)
		if err != nil {
			t.Fatal(err)
		}
		if rest := total - listed; math.Abs(rest-residual[y]) > 1e-6 {
			t.Errorf("%s: total %v − sections %v = %v, want %v", y, total, listed, rest, residual[y])
		}
	}
	// The same sheet prints each section's share of the total, in % to one
	// decimal (rows 29–50), for 2021 and 2022: the cells must reproduce them.
	printed := map[string][2]float64{
		"A": {6.3, 6.3}, "B": {1.6, 1.7}, "C": {14.1, 14.1}, "D": {2.2, 2.2}, "E": {1.0, 1.0}, "F": {9.1, 9.2},
		"G": {18.7, 18.6}, "H": {8.0, 8.1}, "I": {2.6, 2.6}, "J": {2.2, 2.3}, "K": {1.8, 1.8}, "L": {2.7, 2.6},
		"M": {3.9, 4.0}, "N": {2.9, 2.9}, "O": {5.1, 5.0}, "P": {7.5, 7.4}, "Q": {6.3, 6.2}, "R": {1.6, 1.6}, "S": {2.2, 2.4},
	}
	for k, y := range []int{2021, 2022} {
		total, _ := workforce.RosstatEmploymentTotal(y)
		for sec, pct := range printed {
			v, err := tab.Get(sec, strconv.Itoa(y))
			if err != nil {
				t.Fatal(err)
			}
			if got := 100 * v / total; math.Abs(got-pct[k]) > 0.05+1e-9 {
				t.Errorf("%s %d: %.3f%% of the total, printed %.1f%%", sec, y, got, pct[k])
			}
		}
	}
	if _, err := workforce.RosstatEmploymentTotal(2016); !errors.Is(err, workforce.ErrNoData) {
		t.Errorf("2016: error = %v", err)
	}
	if len(tab.Sources()) == 0 || tab.Sources()[0].URL == "" {
		t.Error("Rosstat table has no source")
	}
}

// The published ILOSTAT totals, thousand persons, typed from ILOSTAT's
// EMP_TEMP_SEX_ECO_NB (section totals) and EMP_TEMP_ECO_OCU_NB
// (ISCO-08 major-group totals), Russian Federation, both sexes, as in the
// bulk download converted by open-numbers/ddf--ilo--ilostat (commit
// c50d0605). U 2021 is not published (NaN).
var (
	iloSectionTotals = map[int][]float64{
		2021: {4136.744, 1566.479, 9872.142, 1777.509, 522.464, 4777.465, 10878.700, 6132.780, 1792.993, 1277.949, 1534.096,
			1191.380, 2502.244, 1726.671, 4862.846, 6672.767, 5460.307, 1382.383, 1795.686, 8.192, math.NaN()},
		2022: {4177.538, 1683.419, 10131.364, 1793.119, 526.944, 4788.518, 11202.599, 6415.817, 1870.013, 1317.664, 1611.050,
			1188.007, 2655.225, 1758.533, 4910.023, 6878.336, 5606.073, 1425.470, 2023.535, 9.432, 0.874},
	}
	iloGroupTotals = map[int][]float64{
		2021: {3844.452, 18267.729, 9612.622, 1847.465, 10887.460, 1690.833, 9294.052, 8976.891, 5450.917},
		2022: {3274.098, 19267.685, 9997.567, 2470.309, 11617.259, 1558.841, 8889.292, 9275.400, 5623.102},
	}
	iloGrandTotal = map[int]float64{2021: 69872.421, 2022: 71973.553}
	// The cells ILOSTAT suppresses in EMP_TEMP_ECO_OCU_NB 2021 and 2022, as section → ISCO groups.
	iloSuppressed = map[int]map[string]string{
		2021: {"B": "6", "E": "6", "J": "6", "K": "6", "T": "123478", "U": "123456789"},
		2022: {"E": "6", "J": "6", "K": "6", "T": "12348", "U": "13456789"},
	}
	// The documented gaps, section total minus its published cells
	// (hand, from the published figures; J6's value rounds to 0; U 2021 is the grand
	// total minus the published sections), thousand persons.
	iloGaps = map[int]map[string]float64{
		2021: {"B": 0.753, "E": 0.625, "J": 0, "K": 0.052, "T": 0.306, "U": 0.624},
		2022: {"E": 0.138, "J": 0, "K": 0.122, "T": 0.729, "U": 0.219},
	}
)

// rounding is the largest error in a sum of n figures each published to
// 0.001 thousand, compared with a published total: (n+1) half-units.
func rounding(n int) float64 { return 0.0005*float64(n+1) + 1e-9 }

// The embedded ILOSTAT cells reproduce the published section totals
// and ISCO-08 group totals typed above, up to the publisher's
// rounding and the documented gaps of the suppressed cells, which are
// missing, never zero.
func TestILOSTATSectorOccupationTotals(t *testing.T) {
	for _, year := range []int{2021, 2022} {
		tab, err := workforce.ILOSTATSectorOccupation(year)
		if err != nil {
			t.Fatal(err)
		}
		if r, c := tab.Dims(); r != 21 || c != 9 {
			t.Fatalf("%d: Dims = %d×%d, want 21×9", year, r, c)
		}
		totals, err := workforce.ILOSTATSectorTotals(year)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(iloSectionTotals[year], totals, cmpopts.EquateNaNs()); diff != "" {
			t.Errorf("%d: ILOSTATSectorTotals mismatch (-want +got):\n%s", year, diff)
		}
		gaps := iloGaps[year]
		var rowGaps float64
		for i, sec := range tab.Rows() {
			known, n := 0.0, 0
			var missing []byte
			for j := range 9 {
				if tab.Missing(i, j) {
					missing = append(missing, tab.Cols()[j][0])
				} else {
					known += tab.At(i, j)
					n++
				}
			}
			if got, want := string(missing), iloSuppressed[year][sec]; got != want {
				t.Errorf("%d %s: missing cells in groups %q, want %q", year, sec, got, want)
			}
			total := iloSectionTotals[year][i]
			if math.IsNaN(total) { // U 2021: the grand total less the published sections
				total = iloGrandTotal[year]
				for _, x := range iloSectionTotals[year][:20] {
					total -= x
				}
			}
			gap, documented := gaps[sec]
			switch {
			case documented && math.Abs(known+gap-total) > 1e-6:
				t.Errorf("%d %s: cells %v + documented gap %v ≠ published total %v", year, sec, known, gap, total)
			case !documented && math.Abs(known-total) > rounding(n):
				t.Errorf("%d %s: cells sum to %v, published total %v", year, sec, known, total)
			}
			rowGaps += gap
		}
		// Columns: the published group total less the published cells is
		// what the suppressed cells of that column hold: at least the
		// documented single-cell gaps in it, at most all the gaps of the
		// rows with a suppressed cell in it; and the column gaps add up to
		// the row gaps.
		cols := tab.Cols()
		var colGaps float64
		for j, want := range iloGroupTotals[year] {
			known, n := 0.0, 0
			var lo, hi float64
			for i, sec := range tab.Rows() {
				if !tab.Missing(i, j) {
					known += tab.At(i, j)
					n++
					continue
				}
				hi += gaps[sec]
				if len(iloSuppressed[year][sec]) == 1 {
					lo += gaps[sec]
				}
			}
			gap := want - known
			if gap < lo-rounding(n+len(tab.Rows())) || gap > hi+rounding(n+len(tab.Rows())) {
				t.Errorf("%d ISCO %s: published total %v − cells %v = %v, outside the documented gaps [%v, %v]", year, cols[j], want, known, gap, lo, hi)
			}
			colGaps += gap
		}
		if math.Abs(colGaps-rowGaps) > rounding(21*9+9) {
			t.Errorf("%d: column gaps %v, row gaps %v", year, colGaps, rowGaps)
		}
		// Grand total: ISCO totals add up to it.
		var sum float64
		for _, x := range iloGroupTotals[year] {
			sum += x
		}
		if math.Abs(sum-iloGrandTotal[year]) > rounding(9) {
			t.Errorf("%d: ISCO totals sum to %v, grand total %v", year, sum, iloGrandTotal[year])
		}
		src := tab.Sources()
		if diff := cmp.Diff([]exodus.Source{workforce.ILOSTATSource(year)}, src); diff != "" {
			t.Errorf("%d: sources mismatch (-want +got):\n%s", year, diff)
		}
	}
	t21, _ := workforce.ILOSTATSectorOccupation(2021)
	if v, _ := t21.Get("G", "5"); v != 5050.316 { // ILOSTAT EMP_TEMP_ECO_OCU_NB 2021, G × ISCO 5
		t.Errorf("2021 G5 = %v, want 5050.316", v)
	}
	if _, err := workforce.ILOSTATSectorOccupation(2020); !errors.Is(err, workforce.ErrNoData) {
		t.Errorf("2020: error = %v", err)
	}
	if _, err := workforce.ILOSTATSectorTotals(2023); !errors.Is(err, workforce.ErrNoData) {
		t.Errorf("totals 2023: error = %v", err)
	}
}

// Every embedded dataset names its publisher, title and address, and any
// date it gives is a valid ISO 8601 date.
func TestDataSources(t *testing.T) {
	srcs := map[string]exodus.Source{
		"Rosstat":      workforce.RosstatSource(),
		"ILOSTAT":      workforce.ILOSTATSource(2022),
		"labour force": workforce.LabourForceSource(),
	}
	for name, s := range srcs {
		if s.Publisher == "" || s.Title == "" || s.URL == "" {
			t.Errorf("%s: incomplete source %+v", name, s)
		}
		if err := s.Validate(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if diff := cmp.Diff([]exodus.Source{workforce.RosstatSource()}, workforce.RosstatEmployment().Sources()); diff != "" {
		t.Errorf("RosstatEmployment sources mismatch (-want +got):\n%s", diff)
	}
}

func TestDefaultEmployment(t *testing.T) {
	for _, year := range []int{2021, 2022} {
		tab, err := workforce.DefaultEmployment(year)
		if err != nil {
			t.Fatal(err)
		}
		if tab.HasMissing() {
			t.Fatalf("%d: default has missing cells", year)
		}
		total, _ := workforce.RosstatEmploymentTotal(year)
		// The default keeps Rosstat's published total (thousands → persons).
		if math.Abs(tab.Total()-total*1000) > 1e-3 {
			t.Errorf("%d: total %v, Rosstat %v thousand", year, tab.Total(), total)
		}
		ros := workforce.RosstatEmployment()
		j, _ := ros.ColIndex(map[int]string{2021: "2021", 2022: "2022"}[year])
		rows := tab.RowTotals()
		for i := range 19 {
			if math.Abs(rows[i]-ros.At(i, j)*1000) > 1e-3 {
				t.Errorf("%d %s: %v persons, Rosstat %v thousand", year, tab.Rows()[i], rows[i], ros.At(i, j))
			}
		}
		// Within-section mix = ILOSTAT's: J 2022, professionals 803.334/1317.664 (ILOSTAT EMP_TEMP_ECO_OCU_NB 2022).
		if year == 2022 {
			v, _ := tab.Get("J", "2")
			if want := 1636.6e3 * 803.334 / 1317.664; math.Abs(v-want) > 1e-6 {
				t.Errorf("J2 2022 = %v, want %v", v, want)
			}
			// T+U share Rosstat's remainder 60.7 thousand (hand: 71,902.6 − ΣA–S).
			if tu := rows[19] + rows[20]; math.Abs(tu-60.7e3) > 1e-3*60.7e3 {
				t.Errorf("T+U 2022 = %v", tu)
			}
		}
		// Provenance: section totals from Rosstat, mixes from ILOSTAT, and
		// a note on how they were combined.
		src := tab.Sources()
		if len(src) != 3 || src[0] != workforce.RosstatSource() || src[1] != workforce.ILOSTATSource(year) || src[2].Note == "" {
			t.Errorf("%d: sources %+v, want Rosstat, ILOSTAT and the note", year, src)
		}
		w, err := workforce.DefaultWorkforce(year)
		if err != nil || math.Abs(w.Total()-tab.Total()) > 1e-3 {
			t.Errorf("%d: workforce total %v, %v", year, w.Total(), err)
		}
	}
	if _, err := workforce.DefaultEmployment(2023); !errors.Is(err, workforce.ErrNoData) {
		t.Errorf("2023: error = %v", err)
	}
}

func TestLabourForce(t *testing.T) {
	// Rosstat LFS, November 2022: 75.1 million (as reported by economy.com and
	// primorye24.ru; see LabourForceSource).
	if got := workforce.LabourForce(); got != 75.1e6 {
		t.Errorf("LabourForce = %v", got)
	}
	if src := workforce.LabourForceSource(); src.URL == "" || src.Publisher == "" {
		t.Errorf("source %+v", src)
	}
}
