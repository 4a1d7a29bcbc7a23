package workforce_test

import (
	"errors"
	"math"
	"testing"

	"github.com/exodus-lab/exodus/workforce"
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
	// Same file, as a check on our transcription: the printed share of C in
	// 2021 is 14.1% (10,066.3 / 71,445.9).
	t21, _ := workforce.RosstatEmploymentTotal(2021)
	c21, _ := tab.Get("C", "2021")
	if math.Abs(100*c21/t21-14.1) > 0.05 {
		t.Errorf("C share 2021 = %.2f%%", 100*c21/t21)
	}
	// The unlisted remainder (T+U) is small and positive every year
	// (employment.md §1: 60.7 to 80.5 thousand).
	for j, y := range tab.Cols() {
		var listed float64
		for i := range 19 {
			listed += tab.At(i, j)
		}
		var yr int
		for _, ch := range y {
			yr = yr*10 + int(ch-'0')
		}
		total, _ := workforce.RosstatEmploymentTotal(yr)
		if rest := total - listed; rest < 60 || rest > 81 {
			t.Errorf("%s: remainder %v thousand", y, rest)
		}
	}
	if _, err := workforce.RosstatEmploymentTotal(2016); !errors.Is(err, workforce.ErrNoData) {
		t.Errorf("2016: error = %v", err)
	}
	if len(tab.Sources()) == 0 || tab.Sources()[0].URL == "" {
		t.Error("Rosstat table has no source")
	}
}

func TestILOSTATSectorOccupation(t *testing.T) {
	for _, year := range []int{2021, 2022} {
		tab, err := workforce.ILOSTATSectorOccupation(year)
		if err != nil {
			t.Fatal(err)
		}
		totals, _ := workforce.ILOSTATSectorTotals(year)
		// employment.md §3: rows add up to the published section totals
		// except for the suppressed cells, which are missing, not zero.
		for i, l := range tab.Rows() {
			var known float64
			missing := 0
			for j := range 9 {
				if tab.Missing(i, j) {
					missing++
				} else {
					known += tab.At(i, j)
				}
			}
			// Published to 0.001 thousand: rounding leaves up to 0.002 (I 2022).
			if missing == 0 && math.Abs(known-totals[i]) > 0.0025 {
				t.Errorf("%d %s: cells sum to %v, total %v", year, l, known, totals[i])
			}
			// J6 has no gap at all (its suppressed value rounds to 0).
			if missing > 0 && known > totals[i]+0.0025 {
				t.Errorf("%d %s: %d suppressed cells but a negative gap", year, l, missing)
			}
		}
		if len(tab.Sources()) == 0 {
			t.Errorf("%d: no source", year)
		}
	}
	t21, _ := workforce.ILOSTATSectorOccupation(2021)
	// employment.md T4-2021: B6, E6, J6, K6 suppressed; G5 = 5,050.316.
	for _, cell := range [][2]string{{"B", "6"}, {"E", "6"}, {"J", "6"}, {"K", "6"}} {
		if v, _ := t21.Get(cell[0], cell[1]); !math.IsNaN(v) {
			t.Errorf("2021 %s%s = %v, want missing", cell[0], cell[1], v)
		}
	}
	if v, _ := t21.Get("G", "5"); v != 5050.316 {
		t.Errorf("2021 G5 = %v", v)
	}
	tot21, _ := workforce.ILOSTATSectorTotals(2021)
	if !math.IsNaN(tot21[20]) {
		t.Errorf("U 2021 total = %v, want NaN (not published)", tot21[20])
	}
	if _, err := workforce.ILOSTATSectorOccupation(2020); !errors.Is(err, workforce.ErrNoData) {
		t.Errorf("2020: error = %v", err)
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
		// Within-section mix = ILOSTAT's: J 2022, professionals 803.334/1317.664 (T4-2022).
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
		if len(tab.Sources()) != 3 {
			t.Errorf("%d: %d sources, want Rosstat, ILOSTAT and the note", year, len(tab.Sources()))
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
	// Rosstat LFS, November 2022: 75.1 million (emigration-and-rates.md §A.1).
	if got := workforce.LabourForce(); got != 75.1e6 {
		t.Errorf("LabourForce = %v", got)
	}
	if src := workforce.LabourForceSource(); src.URL == "" || src.Publisher == "" {
		t.Errorf("source %+v", src)
	}
}
