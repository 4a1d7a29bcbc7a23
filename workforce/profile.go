package workforce

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/estimate"
)

// An ITMapping says how a share of emigrants who are IT workers becomes
// shares of sections in a [SectorProfile]. The surveys count IT workers,
// an occupation (ISCO-08 25 and 35), while sections are industries: IT
// professionals also work in finance, professional services,
// manufacturing, trade and public administration. No table of Russia's
// ICT professionals by section was found, so either mapping is an
// assumption; [Scenario].ITMapping chooses one and a report can show how
// much section J moves between them.
//
// As every enum of exodus, its named values start at 1. The zero ITMapping
// is "unset": in a [Scenario] it means [ITInInformation], and it marshals
// as that mapping; it is not [ITMapping.Valid].
type ITMapping uint8

const (
	// ITInInformation puts every IT worker in section J (information and
	// communication), as the surveys' "IT sector" reads. A Scenario
	// whose ITMapping is unset (zero) uses it.
	ITInInformation ITMapping = iota + 1
	// ITInICTSections spreads IT workers over the sections that employ
	// ICT professionals, C, G, J, K, M and O (destinations.md §B.3 in the
	// project's reference notes: "IT occupations (ISCO 25, 35) also sit
	// in K, M, C, G, O"), in proportion to each section's high-skill
	// employment (ILO skill levels 3 and 4 of the scenario's Workforce), a
	// proxy for its ICT professionals.
	ITInICTSections
)

// ICTSections returns the sections of [ITInICTSections], in ISIC order.
func ICTSections() []Sector {
	return []Sector{Manufacturing, Trade, Information, Finance, Professional, PublicAdmin}
}

// Valid reports whether m is a defined mapping.
func (m ITMapping) Valid() bool { return m >= ITInInformation && m <= ITInICTSections }

// String returns "section J" or "ICT sections", or "ITMapping(N)" for
// an undefined value.
func (m ITMapping) String() string {
	switch m {
	case ITInInformation:
		return "section J"
	case ITInICTSections:
		return "ICT sections"
	}
	return fmt.Sprintf("ITMapping(%d)", uint8(m))
}

// A SectorProfile is a composition of emigrants by sector built, in every
// Monte Carlo draw, from a few sourced shares and a rule for the rest:
//
//  1. IT workers, a share of emigrants (an uncertain [estimate.Estimate]),
//     put in sections by [Scenario].ITMapping;
//  2. named groups whose survey shares are upper bounds (such as arts and
//     culture at "roughly 15 percent"), each spread over its sections in
//     proportion to their degree-holding employment. In each draw a
//     common factor u, drawn from the profile's scale estimate and
//     clamped to [0, 1], sets each group's share between a floor, the
//     group's share of degree-holders among the non-IT emigrants (as if
//     the group were no more likely to leave than other graduates), and
//     its bound: floor + u·(bound − floor). Should IT and the groups
//     exceed 1, the groups are scaled down to fit;
//  3. the rest, spread over every other section in proportion to its
//     degree-holding employment: the section's employment in the
//     scenario's Workforce times the share of it with a degree.
//
// [SectorProfile.Parts] states each part as data or as an assumption,
// with its sources. [DefaultSectorProfile] is the profile for Russia that
// exodus embeds. A SectorProfile is immutable and safe for concurrent
// use. The zero SectorProfile is empty: in a [Scenario] it means no
// profile.
type SectorProfile struct {
	it, scale estimate.Estimate
	groups    []profileGroup
	degree    [NumSectors]float64 // share of each section's employment with a degree
	parts     []ProfilePart
}

type profileGroup struct {
	name    string
	bound   float64
	sectors []Sector
}

// A ProfilePart is one part of a [SectorProfile].
type ProfilePart struct {
	// Name says what the part is, such as "IT workers".
	Name string `json:"name"`
	// Sectors are the sections the part puts emigrants in; for IT
	// workers, those of [ITInInformation] (see [ICTSections] for the
	// other mapping); nil for "every other section".
	Sectors []Sector `json:"sectors"`
	// Share is the part's share of emigrants as the profile reads it, in
	// words, such as "at most 15%".
	Share string `json:"share"`
	// Assumption is true for a modelling choice, false for data.
	Assumption bool `json:"assumption"`
	// Basis says where the figure comes from and how the profile uses it.
	Basis string `json:"basis"`
	// Sources are the publishers of the data; none for an assumption
	// that rests on no source.
	Sources []exodus.Source `json:"sources"`
}

// IsZero reports whether p is the zero, empty SectorProfile.
func (p SectorProfile) IsZero() bool { return p.it.IsZero() }

// IT returns the share of emigrants who are IT workers.
func (p SectorProfile) IT() estimate.Estimate { return p.it }

// WithIT returns a copy of p with the IT workers' share e (of all
// emigrants, its median in [0, 1]; checked by [NewHeadcount]), for a
// sensitivity analysis; the rest of the profile is unchanged.
func (p SectorProfile) WithIT(e estimate.Estimate) SectorProfile {
	q := p
	q.it = e
	q.parts = p.Parts()
	if len(q.parts) > 0 {
		q.parts[0].Share = e.String()
		q.parts[0].Sources = e.Sources()
		q.parts[0].Basis = "given by the caller (WithIT); " + q.parts[0].Basis
	}
	return q
}

// Parts returns the parts of the profile, in the order they are applied.
func (p SectorProfile) Parts() []ProfilePart {
	out := slices.Clone(p.parts)
	for i := range out {
		out[i].Sectors = slices.Clone(out[i].Sectors)
		out[i].Sources = slices.Clone(out[i].Sources)
	}
	return out
}

// Sources returns the sources of every part, without duplicates.
func (p SectorProfile) Sources() []exodus.Source {
	var src []exodus.Source
	for _, pt := range p.parts {
		src = append(src, pt.Sources...)
	}
	return dedupe(src)
}

// DegreeShare returns the share of sector s's employment with a degree
// that the profile uses for the rest (and for the groups' floors); NaN
// for an invalid sector.
func (p SectorProfile) DegreeShare(s Sector) float64 {
	if !s.Valid() {
		return math.NaN()
	}
	return p.degree[s-1]
}

// Sources of the default profile.
func zoisSource() exodus.Source {
	return exodus.Source{
		Publisher: "ZOiS (Centre for East European and International Studies), with Princeton and Harvard",
		Title:     "How Russians in Armenia and Georgia view the war (press release)",
		URL:       "https://zois-berlin.de/en/press/press-releases/how-russians-in-armenia-and-georgia-view-the-war",
		Date:      "2023-05",
		Note:      "face-to-face survey of Russians who moved to Georgia (n = 853) and Armenia (n = 801), late 2022: \"employed in IT: 27% in Georgia and 37% in Armenia\"",
	}
}

func crrcSource() exodus.Source {
	return exodus.Source{
		Publisher: "CRRC-Georgia, reported by Radio Tavisupleba (RFE/RL Georgian service)",
		Title:     "Survey of Russians who moved to Georgia after 20 February 2022",
		URL:       "https://forbes.ge/en/life-of-russian-emigres-in-georgia-crrc-georgia-presents-research-report1",
		Date:      "2023",
		Note:      "n = 1,008 adults, April–May 2023, not random: \"the majority (40%) are employed in the IT field\" (translated)",
	}
}

func okRussiansSource() exodus.Source {
	return exodus.Source{
		Publisher: "OK Russians survey (M. Zavadskaya), reported by Paul Goble, Window on Eurasia",
		Title:     "Almost Half of Russians who have Moved Abroad … are IT Professionals",
		URL:       "https://windowoneurasia2.blogspot.com/2022/08/almost-half-of-russians-who-have-moved.html",
		Date:      "2022-08-26",
		Note:      "online survey, spring–summer 2022, non-probability sample: over 45% in IT; \"cultural figures, teachers, and office workers form roughly 15 percent each, and journalists … eight percent\"; the shares add to about 98%",
	}
}

func okRussiansPollSource() exodus.Source {
	return exodus.Source{
		Publisher: "OK Russians poll, reported by the Thomson Reuters Foundation (via Armenian Club)",
		Title:     "They flee to Georgia, Turkey and Armenia: a third of IT people left Russia – poll",
		URL:       "https://armenianclub.com/2022/06/27/they-flee-to-georgia-turkey-and-armenia-a-third-of-it-people-left-russia-poll/amp",
		Date:      "2022-06-27",
		Note:      "online poll, mid-March 2022: \"A third of those who left … are IT specialists\"",
	}
}

// DefaultSectorProfile returns the sector profile of emigrants from Russia
// that the surveys support (the project's reference notes,
// destinations.md §B and "Recommended default dataset" §2). Its parts, in
// order:
//
//   - IT workers: 35% (90%: 27%–45%) of emigrants, a logit-normal
//     ([estimate.ShareBetween]) read from ZOiS (27% in Georgia, 37% in
//     Armenia), CRRC-Georgia (40%) and OK Russians ("a third", "over
//     45%"). Data, though every survey is a non-probability sample; the
//     central value is the midpoint of the sourced range, not itself a
//     sourced figure. Mapped to sections by [Scenario].ITMapping.
//   - Arts and culture (R) at most 15%, education (P) at most 15%, office
//     work (K, M, N, in proportion to their degree-holding employment) at
//     most 15%, and media (J) at most 8%: the OK Russians survey (2022),
//     the only multi-category split found. Data, read as upper bounds:
//     with IT at 45% they fill 98% and leave nothing for health,
//     manufacturing or trade, which shows the sample's skew.
//   - The scale of those four: an assumption. The common factor u is
//     uniform on [0, 1] (the data give only the upper bound): each group
//     lies between its share of degree-holders and its survey share.
//   - Everyone else: in proportion to each remaining section's
//     degree-holding employment. An assumption (no survey gives finance,
//     health, engineering, trade or science shares), resting on the
//     surveys' "about 80% hold a degree". Degree-holding is ILO's
//     "advanced" education aggregate (ISCED-97 levels 5 and 6) as a share
//     of each section's employment, from [ILOSTATSectorEducation] for
//     2022 ([DefaultYear]); section U, with no published row, takes the
//     national share (34.8%). The profile multiplies these shares by the
//     scenario's Workforce, so section sizes stay Rosstat's.
//
// It is meant for the default workforce ([DefaultWorkforce]); on another
// country's table its shares describe Russia's emigrants, not that
// country's.
func DefaultSectorProfile() SectorProfile {
	it := estimate.Must(estimate.ShareBetween(0.27, 0.45)). // constants: never an error
								Named("IT workers, share of emigrants").
								WithSources(zoisSource(), crrcSource(), okRussiansPollSource(), okRussiansSource())
	scale := estimate.Must(estimate.Uniform(0, 1)).Named("scale of the survey's upper bounds")
	p := SectorProfile{
		it:    it,
		scale: scale,
		groups: []profileGroup{
			{"arts and culture", 0.15, []Sector{Arts}},
			{"education", 0.15, []Sector{Education}},
			{"office work", 0.15, []Sector{Finance, Professional, Administrative}},
			{"media", 0.08, []Sector{Information}},
		},
	}
	edu := loadData().ilo[DefaultYear].education
	jt, _ := edu.ColIndex("total")
	ja, _ := edu.ColIndex("advanced")
	national := edu.At(0, ja) / edu.At(0, jt)
	for i, s := range Sectors() {
		p.degree[i] = national
		if r, ok := edu.RowIndex(s.String()); ok {
			p.degree[i] = edu.At(r, ja) / edu.At(r, jt)
		}
	}
	ok := okRussiansSource()
	p.parts = []ProfilePart{
		{Name: "IT workers", Sectors: []Sector{Information}, Share: it.String(),
			Basis:   "surveys of emigrants: ZOiS 27% (Georgia) and 37% (Armenia), CRRC-Georgia 40%, OK Russians a third and over 45%; read as a 90% interval; an occupation share, put in sections by Scenario.ITMapping (J, or the ICT sections C, G, J, K, M, O in proportion to their high-skill employment: an assumption)",
			Sources: it.Sources()},
	}
	for _, g := range p.groups {
		p.parts = append(p.parts, ProfilePart{Name: g.name, Sectors: slices.Clone(g.sectors), Share: fmt.Sprintf("at most %.0f%%", 100*g.bound),
			Basis:   "OK Russians survey (2022), the only multi-category split found; read as an upper bound, since with IT it fills 98% of the sample",
			Sources: []exodus.Source{ok}})
	}
	p.parts = append(p.parts,
		ProfilePart{Name: "scale of the upper bounds", Share: "between each group's share of degree-holders and its bound",
			Assumption: true,
			Basis:      "no source says how far the survey over-represents these groups: a common factor, uniform on [0, 1], places each group between the share it would have if it left like other graduates and its survey share"},
		ProfilePart{Name: "everyone else", Share: "the rest",
			Assumption: true,
			Basis:      "no survey gives shares for the other sections: the rest is spread in proportion to degree-holding employment (about 80% of emigrants hold a degree), ILO's advanced education aggregate (ISCED-97 5–6) as a share of each section's employment in 2022, times the scenario's workforce",
			Sources:    []exodus.Source{ILOSTATEducationSource(DefaultYear)}},
	)
	return p
}

// profilePlan is a SectorProfile laid out on the rows of a workforce.
type profilePlan struct {
	itW   []float64   // the IT share's weight of each row, summing to 1
	gW    [][]float64 // each group's weight of each row, summing to 1
	gDeg  []float64   // each group's share of all degree-holders
	bound []float64
	fillW []float64 // the rest's weight of each row, summing to 1
}

// setProfile lays out the scenario's profile on the workforce rows.
func (p *plan) setProfile() error {
	prof, m := p.sc.Profile, p.sc.ITMapping
	if m == 0 {
		m = ITInInformation
	}
	row := func(s Sector) (int, error) {
		i := slices.Index(p.sectors, s)
		if i < 0 {
			return 0, fmt.Errorf("workforce: headcounts: sector profile: sector %v is not a workforce row: %w", s, ErrUnknownCode)
		}
		return i, nil
	}
	pp := &profilePlan{itW: make([]float64, p.r), fillW: make([]float64, p.r)}
	deg := make([]float64, p.r)
	var degTot float64
	for i, s := range p.sectors {
		deg[i] = p.wRow[i] * prof.degree[s-1]
		degTot += deg[i]
	}
	if !(degTot > 0) {
		return fmt.Errorf("workforce: headcounts: sector profile: the workforce has no degree-holding employment: %w", ErrInfeasible)
	}
	switch m {
	case ITInInformation:
		i, err := row(Information)
		if err != nil {
			return err
		}
		pp.itW[i] = 1
	case ITInICTSections:
		var sum float64
		for _, s := range ICTSections() {
			i, err := row(s)
			if err != nil {
				return err
			}
			pp.itW[i] = p.w[i*NumSkillLevels+2] + p.w[i*NumSkillLevels+3]
			sum += pp.itW[i]
		}
		if !(sum > 0) {
			return fmt.Errorf("workforce: headcounts: sector profile: the ICT sections have no high-skill workforce: %w", ErrInfeasible)
		}
		for i := range pp.itW {
			pp.itW[i] /= sum
		}
	default:
		return fmt.Errorf("workforce: headcounts: ITMapping %v: %w", m, ErrBadValue)
	}
	inGroup := make([]bool, p.r)
	for _, g := range prof.groups {
		w := make([]float64, p.r)
		var sum float64
		for _, s := range g.sectors {
			i, err := row(s)
			if err != nil {
				return err
			}
			w[i] = deg[i]
			sum += deg[i]
			inGroup[i] = true
		}
		if !(sum > 0) {
			return fmt.Errorf("workforce: headcounts: sector profile: group %q has no degree-holding workforce: %w", g.name, ErrInfeasible)
		}
		for i := range w {
			w[i] /= sum
		}
		pp.gW = append(pp.gW, w)
		pp.gDeg = append(pp.gDeg, sum/degTot)
		pp.bound = append(pp.bound, g.bound)
	}
	var rest float64
	for i, d := range deg {
		if !inGroup[i] {
			pp.fillW[i] = d
			rest += d
		}
	}
	if rest == 0 { // every row is in a group: the rest follows all degree-holders
		copy(pp.fillW, deg)
		rest = degTot
	}
	for i := range pp.fillW {
		pp.fillW[i] /= rest
	}
	for i := range p.r {
		if pp.itW[i] > 0 || slices.ContainsFunc(pp.gW, func(w []float64) bool { return w[i] > 0 }) || pp.fillW[i] > 0 {
			if p.wRow[i] == 0 {
				return fmt.Errorf("workforce: headcounts: sector profile: sector %v has no workforce to leave: %w", p.sectors[i], ErrInfeasible)
			}
		}
	}
	p.profile = pp
	var parts []string
	for _, g := range prof.groups {
		names := make([]string, len(g.sectors))
		for k, s := range g.sectors {
			names[k] = s.String()
		}
		parts = append(parts, fmt.Sprintf("%s (%s) at most %.0f%%", g.name, strings.Join(names, ", "), 100*g.bound))
	}
	p.notes = append(p.notes, fmt.Sprintf("sector composition: sector profile: %s, in %s (ITMapping); %s, each between its share of degree-holders and that bound (%s); the rest over the other sections in proportion to degree-holding employment",
		describe(prof.it), m, strings.Join(parts, ", "), describe(prof.scale)))
	return nil
}

// profileShares fills dst (one per row) from the IT share x and the scale
// u of one draw.
func (p *plan) profileShares(dst []float64, x, u float64) {
	pp := p.profile
	clear(dst)
	x = math.Min(math.Max(x, 0), 1)
	u = math.Min(math.Max(u, 0), 1)
	for i, w := range pp.itW {
		dst[i] += x * w
	}
	var gs [8]float64
	share := gs[:0]
	if len(pp.bound) > len(gs) {
		share = make([]float64, 0, len(pp.bound))
	}
	sum := 0.0
	for g, b := range pp.bound {
		lo := math.Min((1-x)*pp.gDeg[g], b)
		share = append(share, lo+u*(b-lo))
		sum += share[g]
	}
	if sum > 1-x {
		f := 0.0
		if sum > 0 {
			f = (1 - x) / sum
		}
		for g := range share {
			share[g] *= f
		}
		sum = 1 - x
	}
	for g, w := range pp.gW {
		for i, v := range w {
			dst[i] += share[g] * v
		}
	}
	rest := math.Max(1-x-sum, 0)
	for i, w := range pp.fillW {
		dst[i] += rest * w
	}
}

// MarshalText implements [encoding.TextMarshaler]: "section J" or "ICT
// sections", as [ITMapping.String] prints it; the zero ITMapping writes
// "section J", the mapping it means. An undefined mapping is an error
// wrapping [ErrUnknownCode].
func (m ITMapping) MarshalText() ([]byte, error) {
	if m == 0 {
		m = ITInInformation // unset: the mapping a Scenario uses
	}
	return marshalCode("IT mapping", m.Valid(), m)
}

// UnmarshalText implements [encoding.TextUnmarshaler], reading what
// [ITMapping.MarshalText] writes; anything else is an error wrapping
// [ErrUnknownCode], and m is unchanged.
func (m *ITMapping) UnmarshalText(text []byte) error {
	for _, v := range []ITMapping{ITInInformation, ITInICTSections} {
		if string(text) == v.String() {
			*m = v
			return nil
		}
	}
	return fmt.Errorf("workforce: parse IT mapping %q: %w", text, ErrUnknownCode)
}

// profileJSON is the JSON description of a SectorProfile.
type profileJSON struct {
	IT     *estimate.Estimate `json:"it"`
	Scale  *estimate.Estimate `json:"scale"`
	Parts  []ProfilePart      `json:"parts"`
	Degree map[Sector]float64 `json:"degree_share"`
}

// MarshalJSON implements [json.Marshaler] with a description of the
// profile, one-way (rebuild a profile with [DefaultSectorProfile] and
// [SectorProfile.WithIT]): "it" and "scale" (the two estimates), "parts"
// (each [ProfilePart], fields as named there in lower case) and
// "degree_share" (by sector, [SectorProfile.DegreeShare]). The zero
// SectorProfile is null, so that a [Scenario] without a profile says so.
func (p SectorProfile) MarshalJSON() ([]byte, error) {
	if p.IsZero() {
		return []byte("null"), nil
	}
	j := profileJSON{IT: &p.it, Scale: &p.scale, Parts: p.Parts(), Degree: map[Sector]float64{}}
	for _, s := range Sectors() {
		j.Degree[s] = p.degree[s-1]
	}
	return json.Marshal(j)
}
