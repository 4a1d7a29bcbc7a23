package impact_test

import (
	"errors"
	"math"
	"strconv"
	"testing"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/workforce"
	"github.com/exodus-lab/exodus/workforce/impact"
)

var sectionsAT = []string{"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T"}

func get(t *testing.T, tab *workforce.Table, row, col string) float64 {
	t.Helper()
	v, err := tab.Get(row, col)
	if err != nil {
		t.Fatalf("Get(%q, %q): %v", row, col, err)
	}
	return v
}

// Every cell is rounded to 0.1 (bn roubles) in the embedded table, so a sum
// of n cells may miss its published total, itself rounded, by (n+1)·0.05.
func roundTol(n int) float64 { return float64(n+1)*0.05 + 1e-9 }

func TestGVATotals(t *testing.T) {
	g := impact.GVA()
	for y := impact.FirstYear; y <= impact.LastYear; y++ {
		col := strconv.Itoa(y)
		var sum float64
		for _, s := range sectionsAT {
			sum += get(t, g, s, col)
		}
		// Rosstat, VDS_god_OKVED2_s_2011-2025.xlsx sheet 1: sections A–T add
		// up to «Валовая добавленная стоимость в основных ценах».
		if tot := get(t, g, "gva", col); math.Abs(sum-tot) > roundTol(20) {
			t.Errorf("%d: sections A–T = %.1f, published GVA %.1f", y, sum, tot)
		}
		// GVA + net taxes on products = GDP at market prices (same sheet).
		if gdp, gva, nt := get(t, g, "gdp", col), get(t, g, "gva", col), get(t, g, "net_taxes", col); math.Abs(gva+nt-gdp) > roundTol(2) {
			t.Errorf("%d: GVA %.1f + net taxes %.1f ≠ GDP %.1f", y, gva, nt, gdp)
		}
		// Taxes less subsidies on products = net taxes.
		if tx, sb, nt := get(t, g, "taxes", col), get(t, g, "subsidies", col), get(t, g, "net_taxes", col); math.Abs(tx-sb-nt) > roundTol(2) {
			t.Errorf("%d: taxes %.1f − subsidies %.1f ≠ net %.1f", y, tx, sb, nt)
		}
		// L = L 68 + owner-occupied dwellings (rows beneath L in the sheet).
		if l, l68, own := get(t, g, "L", col), get(t, g, "L68", col), get(t, g, "L_dwellings", col); math.Abs(l68+own-l) > roundTol(2) {
			t.Errorf("%d: L68 %.1f + dwellings %.1f ≠ L %.1f", y, l68, own, l)
		}
		// U has no row in the source: missing, never zero.
		if v := get(t, g, "U", col); !math.IsNaN(v) {
			t.Errorf("%d: U = %v, want missing (NaN)", y, v)
		}
	}
	// Spot cells, T-G of wages-gva-io.md: C 2021 17,693.3; J 2022 4,130.3;
	// GDP 2022 157,001.4; L68 2022 5,152.3.
	for _, c := range []struct {
		f    func() (float64, error)
		want float64
	}{
		{func() (float64, error) { return impact.SectorGVA(workforce.Manufacturing, 2021) }, 17693.3},
		{func() (float64, error) { return impact.SectorGVA(workforce.Information, 2022) }, 4130.3},
		{func() (float64, error) { return impact.GDP(2022) }, 157001.4},
		{func() (float64, error) { return impact.TotalGVA(2019) }, 98487.2},
		{func() (float64, error) { return impact.MarketRealEstateGVA(2022) }, 5152.3},
	} {
		if got, err := c.f(); err != nil || got != c.want {
			t.Errorf("got %v, %v; want %v", got, err, c.want)
		}
	}
}

func TestDataErrors(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want error
	}{
		{"wage S", second(impact.MonthlyWage(workforce.OtherServices, 2022)), impact.ErrMissing},
		{"wage T", second(impact.MonthlyWage(workforce.Households, 2022)), impact.ErrMissing},
		{"wage U", second(impact.MonthlyWage(workforce.Extraterritorial, 2022)), impact.ErrMissing},
		{"wage 2018", second(impact.MonthlyWage(workforce.Agriculture, 2018)), impact.ErrNoData},
		{"wage sector 0", second(impact.MonthlyWage(0, 2022)), impact.ErrNoData},
		{"GVA U", second(impact.SectorGVA(workforce.Extraterritorial, 2022)), impact.ErrMissing},
		{"GVA 2026", second(impact.SectorGVA(workforce.Agriculture, 2026)), impact.ErrNoData},
		{"GDP 2018", second(impact.GDP(2018)), impact.ErrNoData},
	}
	for _, c := range cases {
		if !errors.Is(c.err, c.want) {
			t.Errorf("%s: error %v, want %v", c.name, c.err, c.want)
		}
	}
}

func second(_ float64, err error) error { return err }

func TestWages(t *testing.T) {
	w := impact.Wages()
	if r, c := w.Dims(); r != 22 || c != 7 { // total, A–U; 2019–2025
		t.Fatalf("Dims = %d×%d", r, c)
	}
	// T-W of wages-gva-io.md (Rosstat tab3-zpl_2025.xlsx): J 2022 121,262.4;
	// K 2019 103,667.8; total 2025 100,359.7.
	for _, c := range []struct {
		row, col string
		want     float64
	}{{"J", "2022", 121262.4}, {"K", "2019", 103667.8}, {"total", "2025", 100359.7}} {
		if got := get(t, w, c.row, c.col); got != c.want {
			t.Errorf("%s %s = %v, want %v", c.row, c.col, got, c.want)
		}
	}
	for _, s := range []string{"S", "T", "U"} {
		for j := range 7 {
			i, _ := w.RowIndex(s)
			if !w.Missing(i, j) {
				t.Errorf("wage %s col %d = %v, want missing", s, j, w.At(i, j))
			}
		}
	}
	// Every published section wage lies between the lowest (I, hotels) and
	// highest (K, finance) section of its year, and the all-activity
	// average between them: a check against typing slips.
	for j, y := range w.Cols() {
		lo, hi := get(t, w, "I", y), get(t, w, "K", y)
		for i, r := range w.Rows() {
			v := w.At(i, j)
			if math.IsNaN(v) {
				continue
			}
			if v < lo || v > hi {
				t.Errorf("%s %s = %v outside [%v, %v]", r, y, v, lo, hi)
			}
		}
	}
}

func TestSUT2019(t *testing.T) {
	s := impact.SUT2019()
	ind := impact.SUT2019Industries()
	use, sup := s.Use(), s.Supply()
	if got := s.Labels(); len(got) != 20 || got[0] != "A" || got[19] != "T" {
		t.Fatalf("labels %v", got)
	}
	colU, colV := use.ColSums(), sup.ColSums()
	gva := impact.GVA()
	var sums [6]float64
	for j, sec := range sectionsAT {
		p1 := get(t, ind, sec, "P1")
		// P1 = column sum of the supply table: max difference 5 mln RUB in
		// the published cells (wages-gva-io.md §5.2), plus the 0.05 bn
		// rounding of P1.
		if d := math.Abs(colV[j]/1e3 - p1); d > 0.055 {
			t.Errorf("%s: supply column %.1f ≠ P1 %.1f", sec, colV[j]/1e3, p1)
		}
		// P1 = intermediate use (domestic, imported, net taxes) + B1g.
		inter := colU[j]/1e3 + get(t, ind, sec, "P7") + get(t, ind, sec, "net_taxes")
		if d := math.Abs(inter + get(t, ind, sec, "B1g") - p1); d > roundTol(4) {
			t.Errorf("%s: intermediate %.1f + B1g %.1f ≠ P1 %.1f", sec, inter, get(t, ind, sec, "B1g"), p1)
		}
		// Section GVA of the SUT equals Rosstat's GVA table for 2019.
		if b, g := get(t, ind, sec, "B1g"), get(t, gva, sec, "2019"); math.Abs(b-g) > 0.1+1e-9 {
			t.Errorf("%s: SUT B1g %.1f ≠ GVA 2019 %.1f", sec, b, g)
		}
		for k, c := range []string{"P1", "B1g", "D1", "D11", "P7", "net_taxes"} {
			sums[k] += get(t, ind, sec, c)
		}
	}
	// The sections add up to the published "total" row.
	for k, c := range []string{"P1", "B1g", "D1", "D11", "P7", "net_taxes"} {
		if tot := get(t, ind, "total", c); math.Abs(sums[k]-tot) > roundTol(20) {
			t.Errorf("%s: sections %.1f ≠ total %.1f", c, sums[k], tot)
		}
	}
	// Row sums of the supply table equal the published product output q
	// (the loader checks every row and drops q); spot cells, T-IO4: q of A
	// = 6,591,052, of T = 523,043.
	q := s.ProductOutput()
	if q[0] != 6591052 || q[19] != 523043 {
		t.Errorf("q A = %v, q T = %v", q[0], q[19])
	}
	// T: no intermediate flows, output = GVA = D1 = 523.0 bn.
	if g := s.IndustryOutput(); g[19] != 523043 {
		t.Errorf("g T = %v", g[19])
	}
}

// TestLDf checks L·D·f_d = g for 2019, Eurostat Model D: with D the market
// shares, the product balance q = U_d·1 + f_d and g = D·q give g = L·D·f_d.
// g is compared with the published P1 (0.1 bn): an independent figure.
func TestLDf(t *testing.T) {
	s := impact.SUT2019()
	a, err := s.Coefficients(impact.FixedProductSales)
	if err != nil {
		t.Fatal(err)
	}
	l, err := impact.Leontief(a)
	if err != nil {
		t.Fatal(err)
	}
	df, err := s.MarketShares().MulVec(s.FinalDemand())
	if err != nil {
		t.Fatal(err)
	}
	x, err := l.MulVec(df)
	if err != nil {
		t.Fatal(err)
	}
	ind := impact.SUT2019Industries()
	for j, sec := range sectionsAT {
		if p1 := get(t, ind, sec, "P1"); math.Abs(x[j]/1e3-p1) > 0.055 {
			t.Errorf("%s: L·D·f = %.2f bn, P1 %.1f", sec, x[j]/1e3, p1)
		}
	}
	// Model B (product × product): L·f_d = q, the published product output.
	ab, err := s.Coefficients(impact.IndustryTechnology)
	if err != nil {
		t.Fatal(err)
	}
	lb, err := impact.Leontief(ab)
	if err != nil {
		t.Fatal(err)
	}
	xq, _ := lb.MulVec(s.FinalDemand())
	for p, q := range s.ProductOutput() {
		if math.Abs(xq[p]-q) > 1e-6*q {
			t.Errorf("product %s: L·f = %.1f, q %.1f", sectionsAT[p], xq[p], q)
		}
	}
	// Section T has no intermediate flows: its output multiplier is 1.
	m, err := s.Multipliers(impact.FixedProductSales)
	if err != nil {
		t.Fatal(err)
	}
	if m.Output[19] != 1 || m.ValueAddedTypeI[19] != 1 {
		t.Errorf("T multipliers %v, %v; want 1", m.Output[19], m.ValueAddedTypeI[19])
	}
	// L = I + A + A² + … ≥ I, so every output multiplier is at least 1; and
	// as each column of A plus value added, imports and taxes per unit of
	// output is 1, v′L = 1′ − m′L ≤ 1′: value added per unit of final
	// demand is at most 1 (the rest leaks to imports and taxes).
	for j := range sectionsAT {
		if m.Output[j] < 1 || m.ValueAdded[j] > 1+1e-12 {
			t.Errorf("%s: output multiplier %v, VA per unit of final demand %v", sectionsAT[j], m.Output[j], m.ValueAdded[j])
		}
	}
}

func TestSources(t *testing.T) {
	srcs := []exodus.Source{impact.WagesSource(), impact.GVASource(), impact.SUTSource(), impact.DefaultRemoteShare().Sources()[0], impact.DefaultRemoteShare().Sources()[1]}
	for _, c := range impact.Context() {
		srcs = append(srcs, c.Source)
	}
	for _, s := range srcs {
		if err := s.Validate(); err != nil {
			t.Errorf("%v: %v", s, err)
		}
		if s.Publisher == "" || s.Title == "" || s.URL == "" || s.Date == "" {
			t.Errorf("incomplete source %v", s)
		}
	}
	for _, tab := range []*workforce.Table{impact.Wages(), impact.GVA(), impact.SUT2019Industries()} {
		if len(tab.Sources()) != 1 {
			t.Errorf("table sources %v", tab.Sources())
		}
	}
}

func TestContext(t *testing.T) {
	// destinations.md §C: Gaidar 26 → 47 %, CBR −14.4/−23.5/−30.8,
	// unemployment 2.9 % (Oct 2023), 4.8 million deficit, ministry 80 %.
	want := map[string]float64{"2022-01": 26, "2023-04": 35, "2024-01": 47, "2022": -14.4, "2023": -23.5, "2024-Q2": -30.8, "2023-10": 2.9}
	got := map[string]float64{}
	var deficit, claim float64
	for _, c := range impact.Context() {
		switch c.Unit {
		case "persons":
			deficit = c.Value
		default:
			if c.Value == 80 {
				claim = c.Value
				continue
			}
			got[c.Period] = c.Value
		}
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %v, want %v", k, got[k], v)
		}
	}
	if deficit != 4.8e6 || claim != 80 {
		t.Errorf("deficit %v, claim %v", deficit, claim)
	}
}
