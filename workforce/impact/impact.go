package impact

import (
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/workforce"
)

// DefaultRemoteShare returns the default share of emigrants who kept
// working for Russian employers, whose output Russia keeps: 13–25% read as
// a central 90% interval of a logit-normal ([estimate.ShareBetween]).
// The range spans OutRush's 13% (summer 2023; 17% in September 2022) and
// RANEPA's "about 23%" of those in paid work (February–March 2024). The
// Ministry of Digital Development's claim that 80% of some 100,000 IT
// specialists abroad keep working for Russian companies (December 2022)
// is an outlier against both surveys and is not used; it is among the
// [Context] figures.
func DefaultRemoteShare() estimate.Estimate {
	return estimate.Must(estimate.ShareBetween(0.13, 0.25)).Named("share of emigrants still working for Russian employers").WithSources(
		exodus.Source{
			Publisher: "OutRush (Kamalov, Nugumanova, Sergeeva)",
			Title:     "OutRush: Relocants are gradually leaving the Russian labor market",
			URL:       "https://247newsagency.com/opinion/306179.html",
			Date:      "2023",
			Note:      "share working for organisations in Russia: 43% at departure, 17% in September 2022, 13% in summer 2023; n = 10,871; via Kommersant",
		},
		exodus.Source{
			Publisher: "RANEPA (Kartseva, Florinskaya)",
			Title:     "Около четверти релокантов продолжает работать на российских работодателей",
			URL:       "https://www.nakanune.ru/news/2025/8/7/22832613/",
			Date:      "2025-08-07",
			Note:      "about 23% of emigrants in paid work kept Russian employers, survey of February–March 2024, n = 2,484; also https://holod.media/2025/08/07/nazvali-chislo-emigrantov/",
		},
	)
}

// Options control [Assess]. The zero Options assess the headcount in
// [workforce.DefaultYear] on the wage basis, with the default remote-work
// share and economy-wide effects under the fixed product sales structure.
type Options struct {
	// Year is the year whose roubles (current prices) the results are in;
	// 0 means [workforce.DefaultYear]. Ignored when Values is set.
	Year int
	// Basis is the labour income basis; 0 means [WageBasis]. Ignored when
	// Values is set.
	Basis Basis
	// Technology is the assumption of the multipliers; 0 means
	// [DefaultTechnology]. Ignored when Values is set.
	Technology Technology
	// Values replaces the embedded data ([DefaultValues]).
	Values *Values
	// Remote is the share of emigrants who kept working for Russian
	// employers, whose output is not lost; the zero Estimate means
	// [DefaultRemoteShare]. Use estimate.Point(0) for none. Its median must
	// lie in [0, 1]; single draws outside are clamped.
	Remote estimate.Estimate
	// RemoteBySector overrides Remote for some sectors.
	RemoteBySector map[workforce.Sector]estimate.Estimate
	// ValueFactor multiplies the values per person (labour income and GVA,
	// and so the economy-wide effect) by one common uncertain factor per
	// draw, the data's own uncertainty: estimate.Between(0.66, 1) allows
	// for the wage table's overstatement of national-accounts wages, say.
	// The zero Estimate means none (a factor of exactly 1). Its median,
	// which must be positive, scales the point figures; draws below zero
	// count as zero.
	ValueFactor estimate.Estimate
	// NoEconomyWide leaves out the economy-wide effect: its figures are
	// then NaN.
	NoEconomyWide bool
	// Seed selects the random stream of the remote-work share. The
	// headcount's own draws are reused as they are.
	Seed uint64
	// Workers is the number of goroutines; 0 means GOMAXPROCS.
	Workers int
}

// A Figure is a point value with an equal-tailed interval at
// [Impact.Level]. A missing figure (a sector without data) is NaN
// throughout.
type Figure struct {
	Point, Lo, Hi float64 // the central value and the interval's ends
}

// Missing reports whether the figure is missing (its point is NaN).
func (f Figure) Missing() bool { return math.IsNaN(f.Point) }

// Scale returns the figure times k, such as 1/GDP for a share; a negative
// k swaps the ends.
func (f Figure) Scale(k float64) Figure {
	g := Figure{f.Point * k, f.Lo * k, f.Hi * k}
	if k < 0 {
		g.Lo, g.Hi = g.Hi, g.Lo
	}
	return g
}

// String prints the point and the interval with %.4g: "1.23e+11 (1.1e+11–1.4e+11)";
// a missing figure prints "n/a".
func (f Figure) String() string {
	if f.Missing() {
		return "n/a"
	}
	return fmt.Sprintf("%.4g (%.4g–%.4g)", f.Point, f.Lo, f.Hi)
}

func missingFigure() Figure { return Figure{math.NaN(), math.NaN(), math.NaN()} }

// A SectorImpact is what the departures from one sector cost in a year,
// in roubles of that year (or, for the total, all sectors). Figures of a
// sector without the data are missing (NaN).
type SectorImpact struct {
	// Sector is the OKVED2 section; 0 for the total.
	Sector workforce.Sector
	// People is the number who left: the headcount's whole-number point
	// and its interval.
	People Figure
	// Remote is how many of them kept working for Russian employers.
	Remote Figure
	// LabourPerPerson and GVAPerPerson are the annual values per person
	// used (NaN when the sector has none); Multiplier is the type I
	// value-added multiplier (NaN when none). All three are NaN for the
	// total.
	LabourPerPerson, GVAPerPerson, Multiplier float64
	// WageBill is the labour income lost: People less Remote, times
	// LabourPerPerson. On the wage basis it is the wage bill of employees
	// of organisations, which overstates the national-accounts wage bill
	// (see [WageBasis]).
	WageBill Figure
	// ValueAdded is the gross value added at risk: People less Remote,
	// times GVAPerPerson.
	ValueAdded Figure
	// EconomyWide is ValueAdded times Multiplier: the value added lost in
	// all sectors if the direct loss were a fall in final demand, a
	// demand-driven approximation of a supply shock (see the package doc).
	EconomyWide Figure
	// Flag is a caveat for this sector, or "".
	Flag string
}

// An Impact is the result of [Assess]: what the departures counted by a
// [workforce.Headcount] cost, by sector and in total, with intervals from
// the same Monte Carlo draws as the headcount. It is immutable and safe
// for concurrent use. Every method of a nil *Impact returns zero values.
type Impact struct {
	sectors []SectorImpact
	total   SectorImpact
	values  *Values
	tech    Technology
	level   float64
	draws   int
	sources []exodus.Source
	notes   []string
}

// sectorFlag is the caveat of a sector on a basis.
func sectorFlag(s workforce.Sector, v *Values) string {
	var f []string
	_, lab := v.Labour[s]
	_, gva := v.GVA[s]
	switch {
	case !lab && !gva:
		f = append(f, "not valued: no labour income or GVA per person")
	case !lab:
		f = append(f, "no labour income per person ("+v.Basis.String()+" basis): wage bill not valued")
	case !gva:
		f = append(f, "no GVA per person: value added not valued")
	}
	switch s {
	case workforce.Mining:
		if gva {
			f = append(f, "GVA per worker is mostly resource rent: value added at risk overstates what a departing worker takes")
		}
	case workforce.RealEstate:
		if gva && v.embedded {
			f = append(f, "GVA per worker from L 68, without the imputed rent of owner-occupied dwellings")
		}
	case workforce.PublicAdmin:
		if v.embedded && v.Basis == WageBasis && lab {
			f = append(f, "the wage table gives only 55% of national-accounts wages in O (2019)")
		}
	}
	return strings.Join(f, "; ")
}

// Assess values the departures in h: for each sector s with n people who
// left, of whom a share r kept working for Russian employers,
//
//	wage bill lost      = n (1 − r) × labour income per person
//	value added at risk = n (1 − r) × GVA per employed person
//	economy-wide effect = value added at risk × type I VA multiplier
//
// The point figures use the headcount's whole-number point and the median
// of r. The intervals come from the headcount's own Monte Carlo draws
// ([workforce.Count.Samples] of each sector, in draw order):
// draw i of every sector is paired with draw i of r, drawn independently
// with opt.Seed, so that totals and sectors come from one set of joint
// draws. The values per person have no uncertainty of their own unless
// opt.ValueFactor gives some.
//
// Errors wrap [ErrBadValue] (a nil or empty headcount, one from a
// streaming run, a remote share whose median is outside [0, 1], bad
// Values), [ErrNoData] (a year without data) or come from [DefaultValues] and the estimate package (ctx
// cancelled).
func Assess(ctx context.Context, h *workforce.Headcount, opt Options) (*Impact, error) {
	if h == nil || h.Draws() == 0 {
		return nil, fmt.Errorf("impact: assess: the headcount has no Monte Carlo draws: %w", ErrBadValue)
	}
	var v *Values
	if opt.Values != nil {
		v = opt.Values.clone()
		if err := v.validate(); err != nil {
			return nil, err
		}
	} else {
		year := opt.Year
		if year == 0 {
			year = workforce.DefaultYear
		}
		var err error
		if v, err = DefaultValues(year, opt.Basis, opt.Technology); err != nil {
			return nil, err
		}
	}
	tech := opt.Technology
	if tech == 0 {
		tech = DefaultTechnology
	}
	remote := opt.Remote
	if remote.IsZero() {
		remote = DefaultRemoteShare()
	}
	factor := 1.0
	if !opt.ValueFactor.IsZero() {
		if factor = opt.ValueFactor.Median(); !(factor > 0) || math.IsInf(factor, 0) {
			return nil, fmt.Errorf("impact: assess: value factor has median %g, not positive: %w", factor, ErrBadValue)
		}
	}
	sectors := h.Sectors()
	n := len(sectors)
	rem := make([]estimate.Estimate, n)
	for i, s := range sectors {
		rem[i] = remote
		if e, ok := opt.RemoteBySector[s]; ok {
			rem[i] = e
		}
		if med := rem[i].Median(); !(med >= 0 && med <= 1) {
			return nil, fmt.Errorf("impact: assess: remote-work share of %s has median %g, outside [0, 1]: %w", s, med, ErrBadValue)
		}
	}
	for s := range opt.RemoteBySector {
		if !slices.Contains(sectors, s) {
			return nil, fmt.Errorf("impact: assess: remote-work share for sector %s, which is not in the headcount: %w", s, ErrBadValue)
		}
	}

	im := &Impact{values: v, tech: tech, level: h.Level(), draws: h.Draws()}
	lab, gva, mult := make([]float64, n), make([]float64, n), make([]float64, n)
	has := make([][3]bool, n)
	for i, s := range sectors {
		lab[i], has[i][0] = v.Labour[s]
		gva[i], has[i][1] = v.GVA[s]
		mult[i], has[i][2] = v.Multiplier[s]
		has[i][2] = has[i][2] && has[i][1] && !opt.NoEconomyWide
	}

	// The model: the remote-work share is one input shared by all sectors,
	// each override another; the headcount's draws are read by index. The
	// sectors are run a few at a time, each run declaring the same inputs
	// with the same seed and so drawing the same remote shares, and the
	// totals are summed draw by draw across the runs in sector order: the
	// outputs are those of one run over every sector, in a fraction of its
	// memory (issue 12 §5).
	model := func() (*estimate.Model, []estimate.Var, estimate.Var) {
		m := estimate.NewModel()
		base := m.Input(remote)
		vars := make([]estimate.Var, n)
		for i, s := range sectors {
			vars[i] = base
			if e, ok := opt.RemoteBySector[s]; ok {
				vars[i] = m.Input(e)
			}
		}
		var fv estimate.Var
		if !opt.ValueFactor.IsZero() {
			fv = m.Input(opt.ValueFactor)
		}
		return m, vars, fv
	}
	const per = 4 // remote, wage, VA, economy-wide
	draws := h.Draws()
	mcOpt := estimate.Options{Draws: draws, Seed: opt.Seed, Workers: opt.Workers}
	batch := max(1, min(n, batchBytes/(8*(per+1)*max(draws, 1))))
	tot := make([][]float64, per)
	for j := range tot {
		tot[j] = make([]float64, draws)
	}
	// The sectors' intervals, found before the next run so that their
	// draws can go.
	sectorIval := make([][per][2]float64, n)
	for first := 0; first < n; first += batch {
		last := min(first+batch, n)
		people := make([][]float64, last-first)
		for i := range people {
			if people[i] = h.BySector(sectors[first+i]).Samples(); len(people[i]) != draws {
				return nil, fmt.Errorf("impact: assess: the headcount keeps %d of its %d draws of sector %s (a streaming run keeps none): %w", len(people[i]), draws, sectors[first+i], ErrBadValue)
			}
		}
		m, vars, fv := model()
		f := func(d *estimate.Draw, out []float64) {
			k := d.Index()
			fac := 1.0
			if !opt.ValueFactor.IsZero() {
				fac = math.Max(d.Value(fv), 0)
			}
			for b := range people {
				i := first + b
				r := math.Min(math.Max(d.Value(vars[i]), 0), 1)
				p := people[b][k]
				kept := p * r
				lost := (p - kept) * fac
				o := out[b*per : (b+1)*per]
				o[0], o[1], o[2], o[3] = kept, 0, 0, 0
				if has[i][0] {
					o[1] = lost * lab[i]
				}
				if has[i][1] {
					o[2] = lost * gva[i]
				}
				if has[i][2] {
					o[3] = o[2] * mult[i]
				}
				for j := range per {
					tot[j][k] += o[j]
				}
			}
		}
		res, err := m.Run(ctx, (last-first)*per, f, mcOpt)
		if err != nil {
			return nil, fmt.Errorf("impact: assess: %w", err)
		}
		for b := range people {
			for j := range per {
				lo, hi := res.Output(b*per + j).Interval(im.level)
				sectorIval[first+b][j] = [2]float64{lo, hi}
			}
		}
	}
	m, _, _ := model()
	res, err := m.Run(ctx, per, func(d *estimate.Draw, out []float64) {
		for j := range per {
			out[j] = tot[j][d.Index()]
		}
	}, mcOpt)
	if err != nil {
		return nil, fmt.Errorf("impact: assess: %w", err)
	}
	fig := func(point float64, o int) Figure {
		var lo, hi float64
		if i := o / per; i < n {
			lo, hi = sectorIval[i][o%per][0], sectorIval[i][o%per][1]
		} else {
			lo, hi = res.Output(o % per).Interval(im.level)
		}
		return Figure{point, lo, hi}
	}
	var tp [per]float64
	var notValued [3]int64
	for i, s := range sectors {
		np := float64(h.BySector(s).N)
		lo, hi := h.BySector(s).Interval()
		kept := np * rem[i].Median()
		lost := (np - kept) * factor
		si := SectorImpact{Sector: s, People: Figure{np, lo, hi}, Remote: fig(kept, i*per),
			LabourPerPerson: math.NaN(), GVAPerPerson: math.NaN(), Multiplier: math.NaN(),
			WageBill: missingFigure(), ValueAdded: missingFigure(), EconomyWide: missingFigure(), Flag: sectorFlag(s, v)}
		tp[0] += kept
		if has[i][0] {
			si.LabourPerPerson = lab[i]
			si.WageBill = fig(lost*lab[i], i*per+1)
			tp[1] += si.WageBill.Point
		} else {
			notValued[0] += h.BySector(s).N
		}
		if has[i][1] {
			si.GVAPerPerson = gva[i]
			si.ValueAdded = fig(lost*gva[i], i*per+2)
			tp[2] += si.ValueAdded.Point
		} else {
			notValued[1] += h.BySector(s).N
		}
		if has[i][2] {
			si.Multiplier = mult[i]
			si.EconomyWide = fig(si.ValueAdded.Point*mult[i], i*per+3)
			tp[3] += si.EconomyWide.Point
		} else if !opt.NoEconomyWide {
			notValued[2] += h.BySector(s).N
		}
		im.sectors = append(im.sectors, si)
	}
	lo, hi := h.Total().Interval()
	im.total = SectorImpact{People: Figure{float64(h.Total().N), lo, hi}, Remote: fig(tp[0], n*per),
		LabourPerPerson: math.NaN(), GVAPerPerson: math.NaN(), Multiplier: math.NaN(),
		WageBill: fig(tp[1], n*per+1), ValueAdded: fig(tp[2], n*per+2), EconomyWide: fig(tp[3], n*per+3)}
	if opt.NoEconomyWide {
		im.total.EconomyWide = missingFigure()
	}

	im.sources = slices.Clone(h.Sources())
	for _, src := range append(v.Sources, res.Sources()...) {
		if !slices.Contains(im.sources, src) {
			im.sources = append(im.sources, src)
		}
	}
	im.notes = append(im.notes, fmt.Sprintf("roubles of %d, current prices; %s basis", v.Year, v.Basis))
	im.notes = append(im.notes, v.Notes...)
	im.notes = append(im.notes, fmt.Sprintf("remote work: %s of emigrants kept working for Russian employers; their output is not lost", describe(remote)))
	if !opt.ValueFactor.IsZero() {
		im.notes = append(im.notes, fmt.Sprintf("values per person multiplied by a common factor of %s", describeFactor(opt.ValueFactor)))
	}
	for _, s := range slices.Sorted(maps.Keys(opt.RemoteBySector)) {
		im.notes = append(im.notes, fmt.Sprintf("remote work in %s: %s", s, describe(opt.RemoteBySector[s])))
	}
	for k, what := range []string{"wage bill", "value added", "economy-wide effect"} {
		if notValued[k] > 0 {
			im.notes = append(im.notes, fmt.Sprintf("%s: %d people in sectors without data are not valued and not in the total", what, notValued[k]))
		}
	}
	if opt.NoEconomyWide {
		im.notes = append(im.notes, "economy-wide effect: not computed")
	} else {
		im.notes = append(im.notes, "economy-wide effect: a demand-driven (Leontief) approximation of a supply shock")
	}
	im.notes = append(im.notes, fmt.Sprintf("intervals: %g%%, equal-tailed, from the headcount's %d Monte Carlo draws paired with draws of the remote-work share (seed %d)", 100*im.level, im.draws, opt.Seed))
	return im, nil
}

// batchBytes bounds the draws a run of [Assess] keeps, sector outputs and
// their headcount draws together: 64 MiB.
const batchBytes = 64 << 20

func describe(e estimate.Estimate) string {
	if e.IsPoint() {
		return fmt.Sprintf("%.3g%%", 100*e.Median())
	}
	lo, hi := e.Interval(0.9)
	return fmt.Sprintf("%.3g%% (90%%: %.3g–%.3g%%)", 100*e.Median(), 100*lo, 100*hi)
}

func describeFactor(e estimate.Estimate) string {
	if e.IsPoint() {
		return fmt.Sprintf("%.3g", e.Median())
	}
	lo, hi := e.Interval(0.9)
	return fmt.Sprintf("%.3g (90%%: %.3g–%.3g)", e.Median(), lo, hi)
}

func (im *Impact) orZero() *Impact {
	if im == nil {
		return &Impact{values: &Values{}}
	}
	return im
}

// Sectors returns the impact of each sector of the headcount, in its
// order.
func (im *Impact) Sectors() []SectorImpact { return slices.Clone(im.orZero().sectors) }

// Sector returns the impact of sector s, and false if s is not in the
// headcount.
func (im *Impact) Sector(s workforce.Sector) (SectorImpact, bool) {
	for _, si := range im.orZero().sectors {
		if si.Sector == s {
			return si, true
		}
	}
	return SectorImpact{}, false
}

// Total returns the totals over all sectors. People and Remote count
// everyone; WageBill, ValueAdded and EconomyWide add up the sectors that
// have the data ([Impact.Notes] say how many people are left out). Its
// per-person fields are NaN and its Sector is 0.
func (im *Impact) Total() SectorImpact { return im.orZero().total }

// Year returns the year whose roubles the results are in.
func (im *Impact) Year() int { return im.orZero().values.Year }

// Basis returns the labour income basis.
func (im *Impact) Basis() Basis { return im.orZero().values.Basis }

// Technology returns the technology assumption of the multipliers (that
// of the default values; with custom [Values], the option as given).
func (im *Impact) Technology() Technology { return im.orZero().tech }

// Level returns the coverage level of the intervals, the headcount's.
func (im *Impact) Level() float64 { return im.orZero().level }

// Draws returns the number of Monte Carlo draws.
func (im *Impact) Draws() int { return im.orZero().draws }

// GDP returns GDP in [Impact.Year], in roubles; 0 if unknown.
func (im *Impact) GDP() float64 { return im.orZero().values.GDP }

// GVA returns total gross value added in [Impact.Year], in roubles; 0 if
// unknown.
func (im *Impact) GVA() float64 { return im.orZero().values.TotalGVA }

// ShareOfGDP returns f as a fraction of GDP; NaN when GDP is unknown.
func (im *Impact) ShareOfGDP(f Figure) Figure { return share(f, im.GDP()) }

// ShareOfGVA returns f as a fraction of total GVA; NaN when it is unknown.
func (im *Impact) ShareOfGVA(f Figure) Figure { return share(f, im.GVA()) }

func share(f Figure, d float64) Figure {
	if d <= 0 {
		return missingFigure()
	}
	return f.Scale(1 / d)
}

// Sources returns the sources of the headcount, the values and the
// remote-work share, without duplicates.
func (im *Impact) Sources() []exodus.Source { return slices.Clone(im.orZero().sources) }

// Notes returns the provenance and caveats of the result, one line each:
// year and basis, how the values were made, the remote-work share, the
// people left out of each total, the economy-wide caveat and the Monte
// Carlo run.
func (im *Impact) Notes() []string { return slices.Clone(im.orZero().notes) }

// Method returns one paragraph of method and caveats, for a report.
func (im *Impact) Method() string {
	im = im.orZero()
	b := im.values.Basis
	var lab string
	switch b {
	case CompensationBasis:
		lab = "compensation of employees per employed person from the national accounts (2019 supply and use table, grown with the section's average wage)"
	default:
		lab = "Rosstat's average wage of employees of organisations × 12, which covers employees of organisations only and, applied to all the employed, overstates the national-accounts wage bill by about a third"
	}
	return fmt.Sprintf("Each sector's emigrants, less the share still working for Russian employers (whose output is not lost), are valued in roubles of %d at %s (wage bill lost), and at the sector's gross value added per employed person (value added at risk; real estate without the imputed rent of owner-occupied dwellings; mining's figure is mostly resource rent and overstates what a worker takes). "+
		"The economy-wide effect multiplies the value added at risk by type I value-added multipliers of Rosstat's 2019 supply and use table (%s): it treats the lost output as a fall in final demand, a demand-driven approximation of what is a supply shock, and holds 2019's input structure. "+
		"Intervals (%g%%) come from the headcount's %d Monte Carlo draws paired with draws of the remote-work share; the values per person carry no uncertainty of their own unless a value factor is given. "+
		"Sectors without data (no wage for S, T and U; no GVA for U; no employment for T) are left out of the totals, not set to zero.",
		im.values.Year, lab, im.tech, 100*im.level, im.draws)
}
