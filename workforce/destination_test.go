package workforce_test

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/workforce"
)

func TestParseDestination(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want workforce.Destination
		name string
		ru   string
		cur  string
	}{
		// ISO 3166-1 alpha-2 and ISO 4217 (hand, from the standards' tables).
		{"AM", workforce.Armenia, "Armenia", "Армения", "AMD"},
		{" kz ", workforce.Kazakhstan, "Kazakhstan", "Казахстан", "KZT"},
		{"IL", workforce.Israel, "Israel", "Израиль", "ILS"},
		{"ge", workforce.Georgia, "Georgia", "Грузия", "GEL"},
		{"US", workforce.UnitedStates, "United States", "Соединённые Штаты", "USD"},
		{"DE", workforce.Germany, "Germany", "Германия", "EUR"},
		{"RS", workforce.Serbia, "Serbia", "Сербия", "RSD"},
		{"TR", workforce.Turkey, "Turkey", "Турция", "TRY"},
		{"KR", workforce.SouthKorea, "South Korea", "Республика Корея", "KRW"},
		{"LV", workforce.Latvia, "Latvia", "Латвия", "EUR"},
		{"ES", workforce.Spain, "Spain", "Испания", "EUR"},
		{"AE", workforce.UAE, "United Arab Emirates", "Объединённые Арабские Эмираты", "AED"},
		{"ME", workforce.Montenegro, "Montenegro", "Черногория", "EUR"},
		{"MN", workforce.Mongolia, "Mongolia", "Монголия", "MNT"},
		{"ZZ", workforce.OtherDestinations, "Other countries", "Другие страны", ""},
	} {
		d, err := workforce.ParseDestination(tc.in)
		if err != nil || d != tc.want {
			t.Errorf("ParseDestination(%q) = %v, %v; want %v", tc.in, d, err, tc.want)
			continue
		}
		if d.Name() != tc.name || d.NameRU() != tc.ru || d.Currency() != tc.cur {
			t.Errorf("%v: %q, %q, %q; want %q, %q, %q", d, d.Name(), d.NameRU(), d.Currency(), tc.name, tc.ru, tc.cur)
		}
		if got := d.String(); got != strings.ToUpper(strings.TrimSpace(tc.in)) {
			t.Errorf("%v.String() = %q", d, got)
		}
	}
	for _, in := range []string{"", "XX", "RU", "A", "ARM", "A M", "ZZZ", "1"} {
		_, err := workforce.ParseDestination(in)
		if !errors.Is(err, workforce.ErrUnknownCode) || !strings.Contains(err.Error(), `"`+in+`"`) {
			t.Errorf("ParseDestination(%q): error %v", in, err)
		}
	}
	var zero workforce.Destination
	if zero.Valid() || zero.String() != "Destination(0)" || zero.Name() != "" || zero.Currency() != "" {
		t.Errorf("zero Destination: %v %q %q", zero.Valid(), zero.String(), zero.Name())
	}
	if _, err := zero.MarshalText(); !errors.Is(err, workforce.ErrUnknownCode) {
		t.Errorf("MarshalText(0): %v", err)
	}
	all := workforce.Destinations()
	if len(all) != workforce.NumDestinations || all[len(all)-1] != workforce.OtherDestinations {
		t.Errorf("Destinations() = %v", all)
	}
	for _, d := range all {
		if d.Name() == "" || d.NameRU() == "" || (len(d.Currency()) != 3) != (d == workforce.OtherDestinations) {
			t.Errorf("%v: name %q, %q, currency %q", d, d.Name(), d.NameRU(), d.Currency())
		}
		if p, err := workforce.ParseDestination(d.String()); err != nil || p != d {
			t.Errorf("round trip %v: %v, %v", d, p, err)
		}
	}
}

func TestDestinationJSON(t *testing.T) {
	m := map[workforce.Destination]int{workforce.Georgia: 1, workforce.Turkey: 2}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"GE":1,"TR":2}`; string(b) != want {
		t.Errorf("json = %s, want %s", b, want)
	}
	var back map[workforce.Destination]int
	if err := json.Unmarshal(b, &back); err != nil || !cmp.Equal(m, back) {
		t.Errorf("unmarshal: %v, %v", back, err)
	}
	var d workforce.Destination = workforce.Spain
	if err := d.UnmarshalText([]byte("QQ")); !errors.Is(err, workforce.ErrUnknownCode) || d != workforce.Spain {
		t.Errorf("UnmarshalText(QQ): %v, d = %v", err, d)
	}
}

// destinations.md §A.2: GEL, RSD, AED, THB added in January 2023; ILS,
// MNT, ARS never listed; KZT, AMD, TRY, KGS, UZS, USD, EUR, KRW at all dates.
func TestDestinationCBRListed(t *testing.T) {
	type listing struct {
		Since string
		OK    bool
	}
	want := map[string]listing{
		"GE": {"2023-01", true}, "RS": {"2023-01", true}, "AE": {"2023-01", true}, "TH": {"2023-01", true},
		"IL": {"", false}, "MN": {"", false}, "AR": {"", false}, "ZZ": {"", false},
		"KZ": {"", true}, "AM": {"", true}, "TR": {"", true}, "KG": {"", true}, "UZ": {"", true},
		"US": {"", true}, "DE": {"", true}, "KR": {"", true}, "ES": {"", true}, "LV": {"", true},
	}
	for code, w := range want {
		since, ok := workforce.MustParseDestination(code).CBRListed()
		if got := (listing{since, ok}); got != w {
			t.Errorf("%s.CBRListed() = %+v, want %+v", code, got, w)
		}
	}
}

func FuzzParseDestination(f *testing.F) {
	for _, s := range []string{"AM", "zz", " tr ", "", "XX", "A", "ÄM", "\x00\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		d, err := workforce.ParseDestination(in)
		if err != nil {
			if !errors.Is(err, workforce.ErrUnknownCode) {
				t.Fatalf("%q: error %v does not wrap ErrUnknownCode", in, err)
			}
			return
		}
		if p, err := workforce.ParseDestination(d.String()); err != nil || p != d || !d.Valid() {
			t.Fatalf("%q → %v → %v, %v", in, d, p, err)
		}
	})
}

// The shares of The Bell's 650,000 that destinations.md ("Recommended
// default dataset", column "central share of 650k (COMPUTED)") gives, to
// 0.1 percentage point.
func TestDefaultDestinationRanges(t *testing.T) {
	want := []struct {
		code             string
		low, central, hi float64
		pct              float64
	}{
		{"AM", 40000, 110000, 110000, 16.9},
		{"KZ", 50000, 80000, 150000, 12.3},
		{"IL", 78617, 80000, 80000, 12.3}, // hand: 45501 + 33116
		{"GE", 56369, 73500, 112700, 11.3},
		{"US", 21763, 48000, 48000, 7.4},
		{"DE", 16066, 36000, 36000, 5.5},
		{"RS", 23804, 30000, 44974, 4.6}, // hand: 20270 + 24704
		{"TR", 28000, 28000, 180000, 4.3},
		{"KR", 19000, 19000, 19000, 2.9},
		{"LV", 18000, 18000, 18000, 2.8},
		{"ES", 12611, 16000, 16000, 2.5},
		{"ZZ", 111500, 111500, 111500, 17.2}, // hand: 650000 − 538500
	}
	rs := workforce.DefaultDestinationRanges()
	if len(rs) != len(want) {
		t.Fatalf("%d ranges, want %d", len(rs), len(want))
	}
	total := workforce.DefaultDestinationTotal()
	if total.Value != 650000 || total.Source.Publisher != "The Bell" || total.Destination.Valid() {
		t.Errorf("total = %+v", total)
	}
	sum := 0.0
	for i, w := range want {
		r := rs[i]
		if r.Destination.String() != w.code || r.Low.Value != w.low || r.Central.Value != w.central || r.High.Value != w.hi {
			t.Errorf("range %d = %v %v/%v/%v, want %s %v/%v/%v", i, r.Destination, r.Low.Value, r.Central.Value, r.High.Value, w.code, w.low, w.central, w.hi)
		}
		if pct := math.Round(1000*r.Central.Value/total.Value) / 10; pct != w.pct {
			t.Errorf("%s: %.1f%% of 650k, destinations.md says %.1f%%", w.code, pct, w.pct)
		}
		sum += r.Central.Value
		for _, f := range []workforce.DestinationFigure{r.Low, r.Central, r.High} {
			if f.Destination != r.Destination || f.Period == "" || f.Definition == "" || f.Source.Publisher == "" || f.Source.Title == "" {
				t.Errorf("%s: figure %+v lacks a field", w.code, f)
			}
			if f.Source.URL == "" && !strings.Contains(f.Source.Note, "URL") {
				t.Errorf("%s: figure %v has no URL and does not say why", w.code, f.Value)
			}
			if err := f.Source.Validate(); err != nil {
				t.Errorf("%s: %v", w.code, err)
			}
		}
		if e := r.Estimate(); e.IsZero() || e.Median() < w.low || e.Median() > w.hi {
			t.Errorf("%s: Estimate() = %v", w.code, e)
		}
	}
	if sum != total.Value {
		t.Errorf("central figures add up to %v, want 650000", sum)
	}
	if r, ok := workforce.DefaultDestinationRange(workforce.Georgia); !ok || r.Low.Value != 56369 {
		t.Errorf("DefaultDestinationRange(GE) = %+v, %v", r, ok)
	}
	if _, ok := workforce.DefaultDestinationRange(workforce.Kyrgyzstan); ok {
		t.Error("DefaultDestinationRange(KG) found")
	}
	// Turkey: the widest conflict, and one of definitions.
	tr := rs[7]
	if !tr.MixedDefinitions() || tr.High.Value/tr.Low.Value < 6 {
		t.Errorf("Turkey: mixed %v, %v–%v", tr.MixedDefinitions(), tr.Low.Value, tr.High.Value)
	}
	if rs[8].MixedDefinitions() { // South Korea: The Bell only
		t.Error("South Korea: mixed definitions")
	}
}

func TestDestinationContext(t *testing.T) {
	// OutRush via Apsny.ge (16.09.2025): 21%; RANEPA via news-pravda: 10%.
	if f := workforce.MovedOnShare(); f.Value != 0.21 || f.Source.URL == "" || f.Period == "" {
		t.Errorf("MovedOnShare = %+v", f)
	}
	if f := workforce.ReturnedShare(); f.Value != 0.10 || f.Source.URL == "" || f.Definition == "" {
		t.Errorf("ReturnedShare = %+v", f)
	}
	by := workforce.MovedOnByCountry()
	got := map[string]float64{}
	for _, f := range by {
		got[f.Destination.String()] = f.Value
	}
	want := map[string]float64{"TR": 0.57, "GE": 0.32, "AM": 0.28, "KZ": 0.22, "ME": 0.33}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("MovedOnByCountry mismatch (-want +got):\n%s", diff)
	}
}

func bellCentral(t *testing.T) ([]workforce.Destination, []float64) {
	t.Helper()
	var ds []workforce.Destination
	var v []float64
	for _, r := range workforce.DefaultDestinationRanges() {
		ds = append(ds, r.Destination)
		v = append(v, r.Central.Value)
	}
	return ds, v
}

// 650,000 people spread by The Bell's own figures give The Bell's figures.
func TestHeadcountsBellShares(t *testing.T) {
	ds, v := bellCentral(t)
	fixed := must(workforce.NewDestinationShares(ds, must(estimate.FixedShares(v))))
	for name, mix := range map[string]workforce.DestinationMix{"fixed": fixed, "default": workforce.DefaultDestinationMix()} {
		h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
			Total:        must(estimate.Point(650000)),
			Destinations: mix,
			MonteCarlo:   estimate.Options{Draws: 200},
		})
		if err != nil {
			t.Fatal(err)
		}
		for i, d := range ds {
			// hand: 650000 × v/650000 = v, a whole number.
			if got := h.ByDestination(d).N; float64(got) != v[i] {
				t.Errorf("%s: %v: %d, want %v", name, d, got, v[i])
			}
		}
		checkDestAddsUp(t, h)
	}
}

// checkDestAddsUp checks that all views agree: destination × sector
// columns are the sector totals, destination × skill columns the skill
// totals, both tables' rows the destination totals, and every grand total
// is the total; each cell is near its unrounded value.
func checkDestAddsUp(t *testing.T, h *workforce.Headcount) {
	t.Helper()
	ds, secs := h.Destinations(), h.Sectors()
	var total int64
	for _, d := range ds {
		var row, rowK, rowB int64
		for _, s := range secs {
			n := h.ByDestinationSector(d, s).N
			if n < 0 || math.Abs(float64(n)-h.ByDestinationSector(d, s).Expected) >= 2 {
				t.Errorf("%v × %v = %d, unrounded %v", d, s, n, h.ByDestinationSector(d, s).Expected)
			}
			row += n
		}
		for _, k := range workforce.SkillLevels() {
			n := h.ByDestinationSkill(d, k).N
			if n < 0 || math.Abs(float64(n)-h.ByDestinationSkill(d, k).Expected) >= 2 {
				t.Errorf("%v × level %v = %d, unrounded %v", d, k, n, h.ByDestinationSkill(d, k).Expected)
			}
			rowK += n
		}
		for _, b := range workforce.Bands() {
			rowB += h.ByDestinationBand(d, b).N
		}
		if row != h.ByDestination(d).N || rowK != row || rowB != row {
			t.Errorf("%v: sectors %d, levels %d, bands %d, Destination %d", d, row, rowK, rowB, h.ByDestination(d).N)
		}
		if math.Abs(float64(row)-h.ByDestination(d).Expected) >= 2 {
			t.Errorf("%v: %d, unrounded %v", d, row, h.ByDestination(d).Expected)
		}
		total += row
	}
	if total != h.Total().N {
		t.Errorf("destinations add up to %d, total %d", total, h.Total().N)
	}
	for _, s := range secs {
		var col int64
		for _, d := range ds {
			col += h.ByDestinationSector(d, s).N
		}
		if col != h.BySector(s).N {
			t.Errorf("sector %v: destinations add up to %d, Sector %d", s, col, h.BySector(s).N)
		}
	}
	for _, k := range workforce.SkillLevels() {
		var col int64
		for _, d := range ds {
			col += h.ByDestinationSkill(d, k).N
		}
		if col != h.BySkill(k).N {
			t.Errorf("level %v: destinations add up to %d, Skill %d", k, col, h.BySkill(k).N)
		}
	}
	for _, b := range workforce.Bands() {
		var col int64
		for _, d := range ds {
			col += h.ByDestinationBand(d, b).N
		}
		if col != h.ByBand(b).N {
			t.Errorf("band %v: destinations add up to %d, Band %d", b, col, h.ByBand(b).N)
		}
	}
	for _, tab := range []*workforce.Table{h.DestinationSectorTable(), h.DestinationSkillTable(), h.DestinationBandTable()} {
		if tab.Total() != float64(h.Total().N) {
			t.Errorf("table total %v, want %d", tab.Total(), h.Total().N)
		}
	}
}

// toyWorkforce: two sectors, J = (0, 40, 120, 240) and C = (120, 300, 120,
// 60) persons by level, so that 100 emigrants spread like the workforce
// are J (0, 4, 12, 24) and C (12, 30, 12, 6).
func toyWorkforce() *workforce.Table {
	return workforce.MustNewTable([]string{"J", "C"}, []string{"1", "2", "3", "4"}, [][]float64{{0, 40, 120, 240}, {120, 300, 120, 60}})
}

func toyScenario(mix workforce.DestinationMix) workforce.Scenario {
	return workforce.Scenario{Total: must(estimate.Point(100)), Workforce: toyWorkforce(), Destinations: mix, MonteCarlo: estimate.Options{Draws: 100}}
}

// A three-country toy case, fitted by hand.
func TestHeadcountsDestinationsToy(t *testing.T) {
	dests := []workforce.Destination{workforce.Armenia, workforce.Georgia, workforce.Turkey}
	mix := must(workforce.NewDestinationShares(dests, must(estimate.FixedShares([]float64{0.5, 0.3, 0.2}))))
	h, err := workforce.NewHeadcount(context.Background(), toyScenario(mix))
	if err != nil {
		t.Fatal(err)
	}
	// Independence, hand: destination share × (J 40, C 60) and × levels (12, 34, 24, 30).
	wantDS := [][]float64{{20, 30}, {12, 18}, {8, 12}}
	wantDK := [][]float64{{6, 17, 12, 15}, {3.6, 10.2, 7.2, 9}, {2.4, 6.8, 4.8, 6}}
	for i, d := range dests {
		for j, s := range []workforce.Sector{workforce.Information, workforce.Manufacturing} {
			if got := h.ByDestinationSector(d, s).Expected; math.Abs(got-wantDS[i][j]) > 1e-9 {
				t.Errorf("%v × %v = %v, want %v", d, s, got, wantDS[i][j])
			}
			if got := h.ByDestinationSector(d, s).N; float64(got) != wantDS[i][j] {
				t.Errorf("%v × %v = %d, want %v", d, s, got, wantDS[i][j])
			}
		}
		for k, lvl := range workforce.SkillLevels() {
			if got := h.ByDestinationSkill(d, lvl).Expected; math.Abs(got-wantDK[i][k]) > 1e-9 {
				t.Errorf("%v × level %v = %v, want %v", d, lvl, got, wantDK[i][k])
			}
		}
	}
	checkDestAddsUp(t, h)

	// A seed that makes J three times less likely, against C, in Armenia
	// than elsewhere. Hand: the fit keeps the odds ratio, so Georgia and
	// Turkey share one J fraction p and Armenia has J = 40 − 50p, C = 10 +
	// 50p with (40 − 50p)/(10 + 50p) = p/(3(1 − p)), that is 5p² − 14p + 6 =
	// 0, p = (14 − √76)/10.
	seed := workforce.MustNewTable([]string{"TR", "AM", "GE"}, []string{"C", "J"}, [][]float64{{1, 1}, {3, 1}, {1, 1}})
	smix, err := mix.WithSectorSeed(seed)
	if err != nil {
		t.Fatal(err)
	}
	h, err = workforce.NewHeadcount(context.Background(), toyScenario(smix))
	if err != nil {
		t.Fatal(err)
	}
	p := (14 - math.Sqrt(76)) / 10
	want := [][]float64{{40 - 50*p, 10 + 50*p}, {30 * p, 30 * (1 - p)}, {20 * p, 20 * (1 - p)}}
	for i, d := range dests {
		for j, s := range []workforce.Sector{workforce.Information, workforce.Manufacturing} {
			if got := h.ByDestinationSector(d, s).Expected; math.Abs(got-want[i][j]) > 1e-7 {
				t.Errorf("seeded %v × %v = %v, want %v", d, s, got, want[i][j])
			}
		}
		// hand: within a sector, levels as in the sector: J (0, .1, .3, .6), C (.2, .5, .2, .1).
		j, c := want[i][0], want[i][1]
		wk := []float64{0.2 * c, 0.1*j + 0.5*c, 0.3*j + 0.2*c, 0.6*j + 0.1*c}
		for k, lvl := range workforce.SkillLevels() {
			if got := h.ByDestinationSkill(d, lvl).Expected; math.Abs(got-wk[k]) > 1e-7 {
				t.Errorf("seeded %v × level %v = %v, want %v", d, lvl, got, wk[k])
			}
		}
	}
	checkDestAddsUp(t, h)

	// Independent method: the 3-D fit by FitN of seed[d,s]·x[s,k] to the
	// destination margin and the sector × skill table.
	x := [][]float64{{0, 4, 12, 24}, {12, 30, 12, 6}}
	sd := [][]float64{{1, 3}, {1, 1}, {1, 1}} // rows AM, GE, TR; columns J, C
	var seed3 []float64
	for i := range 3 {
		for s := range 2 {
			for k := range 4 {
				seed3 = append(seed3, sd[i][s]*x[s][k])
			}
		}
	}
	fit, _, err := workforce.FitN(seed3, []int{3, 2, 4}, []workforce.Margin{
		{Dims: []int{0}, Values: []float64{50, 30, 20}},
		{Dims: []int{1, 2}, Values: slices.Concat(x[0], x[1])},
	}, workforce.FitOptions{Tolerance: 1e-13, MaxIter: 100000})
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range dests {
		for s, sec := range []workforce.Sector{workforce.Information, workforce.Manufacturing} {
			sum := 0.0
			for k := range 4 {
				sum += fit[(i*2+s)*4+k]
			}
			if got := h.ByDestinationSector(d, sec).Expected; math.Abs(got-sum) > 1e-7 {
				t.Errorf("%v × %v = %v, FitN %v", d, sec, got, sum)
			}
		}
	}
}

// Exact additivity across all views, on random scenarios.
func TestHeadcountsDestinationsAddUp(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 1))
	wf := must(workforce.DefaultWorkforce(2022))
	all := workforce.Destinations()
	for it := range 12 {
		nd := 1 + rng.IntN(len(all))
		dests := slices.Clone(all)
		rng.Shuffle(len(dests), func(i, j int) { dests[i], dests[j] = dests[j], dests[i] })
		dests = dests[:nd]
		w := make([]float64, nd)
		for i := range w {
			w[i] = rng.Float64() + 0.01
		}
		var mix workforce.DestinationMix
		if it%2 == 0 {
			mix = must(workforce.NewDestinationShares(dests, must(estimate.DirichletMean(w, 50))))
		} else {
			counts := make([]estimate.Estimate, nd)
			for i := range counts {
				counts[i] = must(estimate.Uniform(1000*w[i], 3000*w[i]))
			}
			mix = must(workforce.NewDestinationCounts(dests, counts))
		}
		if it%3 == 0 {
			v := make([][]float64, nd)
			rows := make([]string, nd)
			for i := range v {
				rows[i] = dests[i].String()
				v[i] = make([]float64, len(wf.Rows()))
				for j := range v[i] {
					v[i][j] = 0.2 + 3*rng.Float64()
				}
			}
			mix = must(mix.WithSectorSeed(workforce.MustNewTable(rows, wf.Rows(), v)))
		}
		sc := workforce.Scenario{
			Total:        must(estimate.Between(1e3+rng.Float64()*1e5, 2e5+rng.Float64()*1e6)),
			Destinations: mix,
			MonteCarlo:   estimate.Options{Draws: 200, Seed: uint64(it)},
		}
		if it%4 == 1 {
			sc.SectorFocus = map[workforce.Sector]estimate.Estimate{workforce.Information: must(estimate.ShareBetween(0.27, 0.45))}
		}
		if it%4 == 2 {
			sc.Bands = must(estimate.FixedShares([]float64{0.05, 0.15, 0.8}))
		}
		h, err := workforce.NewHeadcount(context.Background(), sc)
		if err != nil {
			t.Fatalf("scenario %d: %v", it, err)
		}
		checkDestAddsUp(t, h)
		for _, d := range dests {
			lo, hi := h.ByDestination(d).Interval()
			if !(lo <= hi) || lo < 0 {
				t.Errorf("scenario %d: %v interval %v–%v", it, d, lo, hi)
			}
		}
	}
}

// Without destinations a scenario behaves as before, and destinations
// change nothing in the sector × skill results.
func TestHeadcountsWithoutDestinations(t *testing.T) {
	sc := workforce.Scenario{
		Total:      must(estimate.Between(600000, 900000)),
		Bands:      must(estimate.DirichletMean([]float64{0.05, 0.15, 0.8}, 100)),
		MonteCarlo: estimate.Options{Draws: 2000, Seed: 7},
	}
	plain, err := workforce.NewHeadcount(context.Background(), sc)
	if err != nil {
		t.Fatal(err)
	}
	if plain.Destinations() != nil || plain.ByDestination(workforce.Armenia).N != 0 || plain.DestinationSectorTable() != nil {
		t.Error("a scenario without destinations has destination views")
	}
	if lo, hi := plain.ByDestination(workforce.Armenia).Interval(); lo != 0 || hi != 0 {
		t.Errorf("interval without destinations: %v–%v", lo, hi)
	}
	sc.Destinations = workforce.DefaultDestinationMix()
	with, err := workforce.NewHeadcount(context.Background(), sc)
	if err != nil {
		t.Fatal(err)
	}
	if !plain.Table().Equal(with.Table()) || plain.String() != with.String() {
		t.Errorf("destinations changed the sector × skill table:\n%v\n%v", plain, with)
	}
	for _, s := range plain.Sectors() {
		a, b := plain.BySector(s).Summary().Samples(), with.BySector(s).Summary().Samples()
		if !slices.Equal(a, b) {
			t.Errorf("sector %v: draws differ", s)
		}
	}
	if n := len(plain.Notes()); !slices.Equal(plain.Notes(), with.Notes()[:n]) {
		t.Errorf("notes differ:\n%q\n%q", plain.Notes(), with.Notes())
	}
	var nilH *workforce.Headcount
	if nilH.ByDestination(workforce.Armenia).N != 0 || nilH.Destinations() != nil || nilH.DestinationBandTable() != nil || !math.IsNaN(nilH.ByDestination(workforce.Armenia).ShareOf(nilH.Total())) {
		t.Error("nil Headcount")
	}
}

func TestDestinationBadInput(t *testing.T) {
	two := []workforce.Destination{workforce.Armenia, workforce.Georgia}
	p := func(v float64) estimate.Estimate { return must(estimate.Point(v)) }
	for _, tc := range []struct {
		name     string
		err      error
		target   error
		contains string
	}{
		{"unknown code", func() error { _, err := workforce.ParseDestination("XK"); return err }(), workforce.ErrUnknownCode, `"XK"`},
		{"invalid destination", func() error {
			_, err := workforce.NewDestinationCounts([]workforce.Destination{workforce.Armenia, 99}, []estimate.Estimate{p(1), p(1)})
			return err
		}(), workforce.ErrUnknownCode, "Destination(99)"},
		{"twice", func() error {
			_, err := workforce.NewDestinationCounts([]workforce.Destination{workforce.Armenia, workforce.Armenia}, []estimate.Estimate{p(1), p(1)})
			return err
		}(), workforce.ErrBadValue, "AM given twice"},
		{"shares sum to 0.8", func() error {
			_, err := workforce.NewDestinationShareRanges(two, []estimate.Estimate{p(0.5), p(0.3)})
			return err
		}(), workforce.ErrInconsistent, "0.8"},
		{"shares sum to 1.3", func() error {
			_, err := workforce.NewDestinationShareRanges(two, []estimate.Estimate{must(estimate.Uniform(0.6, 0.7)), must(estimate.Uniform(0.7, 0.9))})
			return err
		}(), workforce.ErrInconsistent, "1.3"},
		{"negative count", func() error {
			_, err := workforce.NewDestinationCounts(two, []estimate.Estimate{p(100), p(-5)})
			return err
		}(), workforce.ErrBadValue, "-5"},
		{"count that can be negative", func() error {
			_, err := workforce.NewDestinationCounts(two, []estimate.Estimate{p(100), must(estimate.Normal(100, 10))})
			return err
		}(), workforce.ErrBadValue, "GE"},
		{"length", func() error {
			_, err := workforce.NewDestinationShares(two, must(estimate.FixedShares([]float64{1, 2, 3})))
			return err
		}(), workforce.ErrShape, "2 destinations for 3"},
		{"zero composition", func() error { _, err := workforce.NewDestinationShares(two, estimate.Composition{}); return err }(), workforce.ErrBadValue, "zero"},
		{"seed rows", func() error {
			m := must(workforce.NewDestinationCounts(two, []estimate.Estimate{p(1), p(1)}))
			_, err := m.WithSectorSeed(workforce.MustNewTable([]string{"AM"}, []string{"J"}, [][]float64{{1}}))
			return err
		}(), workforce.ErrShape, "1×1 table for 2"},
		{"seed row not a destination", func() error {
			m := must(workforce.NewDestinationCounts(two, []estimate.Estimate{p(1), p(1)}))
			_, err := m.WithSectorSeed(workforce.MustNewTable([]string{"AM", "TR"}, []string{"J"}, [][]float64{{1}, {1}}))
			return err
		}(), workforce.ErrShape, "GE"},
		{"seed column", func() error {
			m := must(workforce.NewDestinationCounts(two, []estimate.Estimate{p(1), p(1)}))
			_, err := m.WithSectorSeed(workforce.MustNewTable([]string{"AM", "GE"}, []string{"IT"}, [][]float64{{1}, {1}}))
			return err
		}(), workforce.ErrShape, `"IT"`},
		{"seed cell", func() error {
			m := must(workforce.NewDestinationCounts(two, []estimate.Estimate{p(1), p(1)}))
			_, err := m.WithSectorSeed(workforce.MustNewTable([]string{"AM", "GE"}, []string{"J"}, [][]float64{{1}, {math.NaN()}}))
			return err
		}(), workforce.ErrMissing, `(GE, "J")`},
		{"seed row of zeros", func() error {
			m := must(workforce.NewDestinationCounts(two, []estimate.Estimate{p(1), p(1)}))
			_, err := m.WithSectorSeed(workforce.MustNewTable([]string{"AM", "GE"}, []string{"J"}, [][]float64{{1}, {0}}))
			return err
		}(), workforce.ErrBadValue, "row GE sums to 0"},
		{"seed for other sectors", func() error {
			m := must(workforce.NewDestinationCounts(two, []estimate.Estimate{p(1), p(1)}))
			m = must(m.WithSectorSeed(workforce.MustNewTable([]string{"AM", "GE"}, []string{"J", "K"}, [][]float64{{1, 1}, {1, 1}})))
			_, err := workforce.NewHeadcount(context.Background(), toyScenario(m))
			return err
		}(), workforce.ErrShape, "C"},
		{"seed zeros that no table meets", func() error {
			m := must(workforce.NewDestinationCounts(two, []estimate.Estimate{p(1), p(1)}))
			m = must(m.WithSectorSeed(workforce.MustNewTable([]string{"AM", "GE"}, []string{"J", "C"}, [][]float64{{1, 0}, {1, 0}})))
			_, err := workforce.NewHeadcount(context.Background(), toyScenario(m))
			return err
		}(), workforce.ErrInfeasible, "seed's zero cells"},
		{"counts contradict the total", func() error {
			// hand: the named countries' lows add up to 40000 + 50000 + 78617 + 56369 + 21763 + 16066 + 23804 + 28000 + 19000 + 18000 + 12611 = 364230.
			_, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{Total: p(300000), Destinations: workforce.DefaultDestinationMix(), MonteCarlo: estimate.Options{Draws: 100}})
			return err
		}(), workforce.ErrInconsistent, "364230"},
	} {
		if !errors.Is(tc.err, tc.target) || !strings.Contains(tc.err.Error(), tc.contains) {
			t.Errorf("%s: error %v; want %v naming %q", tc.name, tc.err, tc.target, tc.contains)
		}
	}
}

// With point inputs every draw is the point result, so each interval
// shrinks to the unrounded point count; with uncertain inputs the draws of
// the destinations add up, draw by draw, to the draws of the total, of
// each sector and of each skill level.
func TestHeadcountsDestinationIntervals(t *testing.T) {
	dests := []workforce.Destination{workforce.Armenia, workforce.Georgia, workforce.Turkey}
	mix := must(workforce.NewDestinationShares(dests, must(estimate.FixedShares([]float64{0.5, 0.3, 0.2})))).Named("toy")
	if mix.Name() != "toy" || mix.HasSectorSeed() || !slices.Equal(mix.Destinations(), dests) || mix.Composition().Len() != 3 {
		t.Errorf("mix accessors: %q %v %v", mix.Name(), mix.HasSectorSeed(), mix.Destinations())
	}
	h, err := workforce.NewHeadcount(context.Background(), toyScenario(mix))
	if err != nil {
		t.Fatal(err)
	}
	near := func(what string, lo, hi, want float64) {
		t.Helper()
		if math.Abs(lo-want) > 1e-9 || math.Abs(hi-want) > 1e-9 {
			t.Errorf("%s: interval %v–%v, want %v", what, lo, hi, want)
		}
	}
	for _, d := range dests {
		lo, hi := h.ByDestination(d).Interval()
		near(d.String(), lo, hi, h.ByDestination(d).Expected)
		for _, s := range h.Sectors() {
			lo, hi := h.ByDestinationSector(d, s).Interval()
			near(d.String()+"×"+s.String(), lo, hi, h.ByDestinationSector(d, s).Expected)
		}
		for _, b := range workforce.Bands() {
			want := 0.0
			for _, k := range b.SkillLevels() {
				lo, hi := h.ByDestinationSkill(d, k).Interval()
				near(d.String()+"×"+k.String(), lo, hi, h.ByDestinationSkill(d, k).Expected)
				want += h.ByDestinationSkill(d, k).Expected
			}
			lo, hi := h.ByDestinationBand(d, b).Interval()
			near(d.String()+"×"+b.String(), lo, hi, want)
		}
	}
	if lo, hi := h.ByDestination(workforce.Spain).Interval(); lo != 0 || hi != 0 || h.ByDestination(workforce.Spain).Summary().Draws() != 0 {
		t.Errorf("Spain, not in the mix: %v–%v", lo, hi)
	}

	h, err = workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total:        must(estimate.Between(6e5, 9e5)),
		Sectors:      must(estimate.DirichletMean(must(workforce.DefaultWorkforce(2022)).RowTotals(), 200)),
		Destinations: workforce.DefaultDestinationMix(),
		MonteCarlo:   estimate.Options{Draws: 500, Seed: 3},
	})
	if err != nil {
		t.Fatal(err)
	}
	sum := func(xs ...[]float64) []float64 {
		out := make([]float64, len(xs[0]))
		for _, x := range xs {
			for i, v := range x {
				out[i] += v
			}
		}
		return out
	}
	same := func(what string, a, b []float64) {
		t.Helper()
		for i := range a {
			if math.Abs(a[i]-b[i]) > 1e-6*math.Max(1, math.Abs(b[i])) {
				t.Errorf("%s, draw %d: destinations %v, want %v", what, i, a[i], b[i])
				return
			}
		}
	}
	var tot [][]float64
	for _, d := range h.Destinations() {
		tot = append(tot, h.ByDestination(d).Summary().Samples())
	}
	same("total", sum(tot...), h.Total().Summary().Samples())
	for _, s := range h.Sectors() {
		var xs [][]float64
		for _, d := range h.Destinations() {
			xs = append(xs, h.ByDestinationSector(d, s).Summary().Samples())
		}
		same("sector "+s.String(), sum(xs...), h.BySector(s).Summary().Samples())
	}
	for _, k := range workforce.SkillLevels() {
		var xs [][]float64
		for _, d := range h.Destinations() {
			xs = append(xs, h.ByDestinationSkill(d, k).Summary().Samples())
		}
		same("level "+k.String(), sum(xs...), h.BySkill(k).Summary().Samples())
	}
	for _, b := range workforce.Bands() {
		var xs [][]float64
		for _, d := range h.Destinations() {
			xs = append(xs, h.ByDestinationBand(d, b).Summary().Samples())
		}
		same("band "+b.String(), sum(xs...), h.ByBand(b).Summary().Samples())
	}
}

// Nobody left: every view is zero, and adds up.
func TestHeadcountsDestinationsZero(t *testing.T) {
	mix := must(workforce.NewDestinationShares([]workforce.Destination{workforce.Armenia, workforce.Georgia}, must(estimate.FixedShares([]float64{1, 2}))))
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{Total: must(estimate.Point(0)), Destinations: mix, MonteCarlo: estimate.Options{Draws: 100}})
	if err != nil {
		t.Fatal(err)
	}
	checkDestAddsUp(t, h)
	if h.ByDestination(workforce.Georgia).N != 0 || !math.IsNaN(h.ByDestination(workforce.Georgia).ShareOf(h.Total())) {
		t.Errorf("Georgia: %d, share %v", h.ByDestination(workforce.Georgia).N, h.ByDestination(workforce.Georgia).ShareOf(h.Total()))
	}
}

func BenchmarkHeadcountsDestinations(b *testing.B) {
	for _, bc := range []struct {
		name string
		mix  workforce.DestinationMix
	}{
		{"none", workforce.DestinationMix{}},
		{"default", workforce.DefaultDestinationMix()},
	} {
		b.Run(bc.name, func(b *testing.B) {
			sc := workforce.Scenario{Total: must(estimate.Between(600000, 900000)), Destinations: bc.mix, MonteCarlo: estimate.Options{Draws: 10000}}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := workforce.NewHeadcount(context.Background(), sc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// The same seed gives the same destination draws with 1 worker and 4.
func TestHeadcountsDestinationsWorkers(t *testing.T) {
	run := func(workers int) *workforce.Headcount {
		ds := []workforce.Destination{workforce.Armenia, workforce.Georgia}
		mix := must(workforce.NewDestinationShares(ds, must(estimate.DirichletMean([]float64{2, 1}, 30))))
		mix = must(mix.WithSectorSeed(workforce.MustNewTable([]string{"AM", "GE"}, []string{"J", "C"}, [][]float64{{2, 1}, {1, 1}})))
		sc := toyScenario(mix)
		sc.Total = must(estimate.Between(80, 120))
		sc.MonteCarlo = estimate.Options{Draws: 3000, Seed: 5, Workers: workers}
		h, err := workforce.NewHeadcount(context.Background(), sc)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	a, b := run(1), run(4)
	for _, d := range a.Destinations() {
		for _, s := range a.Sectors() {
			if !slices.Equal(a.ByDestinationSector(d, s).Summary().Samples(), b.ByDestinationSector(d, s).Summary().Samples()) {
				t.Errorf("%v × %v: draws differ between 1 and 4 workers", d, s)
			}
		}
	}
}
