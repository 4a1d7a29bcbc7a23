package workforce

import (
	"fmt"
	"strconv"
	"strings"
)

// A Sector is a section of ISIC Rev.4, the International Standard Industrial
// Classification of All Economic Activities. Russia's OKVED2 (ОКВЭД 2) uses
// the same 21 sections with the same letters, so a Sector is also an OKVED2
// section.
//
// The zero Sector is invalid: [Sector.Valid] reports false and
// [Sector.String] prints "Sector(0)". Use the named constants or
// [ParseSector].
type Sector uint8

// The 21 sections of ISIC Rev.4 (and OKVED2), in their official order.
const (
	Agriculture      Sector = iota + 1 // A
	Mining                             // B
	Manufacturing                      // C
	Electricity                        // D
	WaterSupply                        // E
	Construction                       // F
	Trade                              // G
	Transport                          // H
	Accommodation                      // I
	Information                        // J
	Finance                            // K
	RealEstate                         // L
	Professional                       // M
	Administrative                     // N
	PublicAdmin                        // O
	Education                          // P
	Health                             // Q
	Arts                               // R
	OtherServices                      // S
	Households                         // T
	Extraterritorial                   // U
)

// NumSectors is the number of ISIC Rev.4 sections.
const NumSectors = 21

// sectorTitles holds the ISIC Rev.4 English titles (UN Statistics Division,
// ISIC Rev.4, 2008) and the OKVED2 Russian titles (ОК 029-2014; A–S as
// printed by Rosstat in 05-05_2017-2024.xls, T and U from the classifier).
var sectorTitles = [NumSectors + 1][2]string{
	{},
	{"Agriculture, forestry and fishing", "Сельское, лесное хозяйство, охота, рыболовство и рыбоводство"},
	{"Mining and quarrying", "Добыча полезных ископаемых"},
	{"Manufacturing", "Обрабатывающие производства"},
	{"Electricity, gas, steam and air conditioning supply", "Обеспечение электрической энергией, газом и паром; кондиционирование воздуха"},
	{"Water supply; sewerage, waste management and remediation activities", "Водоснабжение; водоотведение, организация сбора и утилизации отходов, деятельность по ликвидации загрязнений"},
	{"Construction", "Строительство"},
	{"Wholesale and retail trade; repair of motor vehicles and motorcycles", "Торговля оптовая и розничная; ремонт автотранспортных средств и мотоциклов"},
	{"Transportation and storage", "Транспортировка и хранение"},
	{"Accommodation and food service activities", "Деятельность гостиниц и предприятий общественного питания"},
	{"Information and communication", "Деятельность в области информации и связи"},
	{"Financial and insurance activities", "Деятельность финансовая и страховая"},
	{"Real estate activities", "Деятельность по операциям с недвижимым имуществом"},
	{"Professional, scientific and technical activities", "Деятельность профессиональная, научная и техническая"},
	{"Administrative and support service activities", "Деятельность административная и сопутствующие дополнительные услуги"},
	{"Public administration and defence; compulsory social security", "Государственное управление и обеспечение военной безопасности; социальное обеспечение"},
	{"Education", "Образование"},
	{"Human health and social work activities", "Деятельность в области здравоохранения и социальных услуг"},
	{"Arts, entertainment and recreation", "Деятельность в области культуры, спорта, организации досуга и развлечений"},
	{"Other service activities", "Предоставление прочих видов услуг"},
	{"Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use", "Деятельность домашних хозяйств как работодателей; недифференцированная деятельность частных домашних хозяйств по производству товаров и оказанию услуг для собственного потребления"},
	{"Activities of extraterritorial organizations and bodies", "Деятельность экстерриториальных организаций и органов"},
}

// Sectors returns the 21 sections A–U in order, in a new slice.
func Sectors() []Sector {
	s := make([]Sector, NumSectors)
	for i := range s {
		s[i] = Sector(i + 1)
	}
	return s
}

// ParseSector parses a section letter, "A" to "U", in either case, with
// surrounding spaces ignored. Any other text is an error wrapping
// [ErrUnknownCode]; for a range of sections such as "B-F", the error says
// so and how to split it ([Table.SplitSections]).
func ParseSector(s string) (Sector, error) {
	if x, ok := sectorLetter(strings.TrimSpace(s)); ok {
		return x, nil
	}
	if r, err := ParseSectors(s); err == nil {
		return 0, fmt.Errorf("workforce: parse sector %q: a range of %d sections (%v to %v), not one: split an aggregated row into sections with Table.SplitSections: %w", s, len(r), r[0], r[len(r)-1], ErrUnknownCode)
	}
	return 0, fmt.Errorf("workforce: parse sector %q: %w", s, ErrUnknownCode)
}

func sectorLetter(t string) (Sector, bool) {
	if len(t) == 1 {
		c := t[0] | 0x20 // lower case
		if c >= 'a' && c <= 'u' {
			return Sector(c-'a') + 1, true
		}
	}
	return 0, false
}

// ParseSectors parses a section letter ("J") or an inclusive range of
// sections ("B-F", also written with an en dash "B–F" or with spaces
// around the dash), as statistics offices publish aggregates: a
// three-sector table has agriculture "A", industry "B-F" and services
// "G-U". It returns the sections in order. The first letter must come
// before the last; anything else is an error wrapping [ErrUnknownCode].
func ParseSectors(s string) ([]Sector, error) {
	t := strings.TrimSpace(s)
	if x, ok := sectorLetter(t); ok {
		return []Sector{x}, nil
	}
	for _, dash := range []string{"-", "–"} {
		a, b, ok := strings.Cut(t, dash)
		if !ok {
			continue
		}
		lo, ok1 := sectorLetter(strings.TrimSpace(a))
		hi, ok2 := sectorLetter(strings.TrimSpace(b))
		if !ok1 || !ok2 || lo >= hi {
			break
		}
		out := make([]Sector, 0, hi-lo+1)
		for x := lo; x <= hi; x++ {
			out = append(out, x)
		}
		return out, nil
	}
	return nil, fmt.Errorf("workforce: parse sectors %q: want a section letter A to U or a range such as B-F: %w", s, ErrUnknownCode)
}

// Valid reports whether s is one of the 21 sections.
func (s Sector) Valid() bool { return s >= Agriculture && s <= Extraterritorial }

// String returns the section letter, "A" to "U", or "Sector(n)" for an
// invalid value.
func (s Sector) String() string {
	if !s.Valid() {
		return "Sector(" + strconv.Itoa(int(s)) + ")"
	}
	return string(rune('A' + s - 1))
}

// Title returns the ISIC Rev.4 English title of the section, or "" for an
// invalid Sector.
func (s Sector) Title() string {
	if !s.Valid() {
		return ""
	}
	return sectorTitles[s][0]
}

// TitleRU returns the OKVED2 Russian title of the section, or "" for an
// invalid Sector.
func (s Sector) TitleRU() string {
	if !s.Valid() {
		return ""
	}
	return sectorTitles[s][1]
}

// An Occupation is a major group of ISCO-08, the International Standard
// Classification of Occupations (ILO, 2012). Russia's OKZ (ОК 010-2014) has
// the same major groups. The ISCO code of an Occupation is [Occupation.Code];
// the constants are not the codes.
//
// The zero Occupation is invalid; use the named constants or
// [ParseOccupation].
type Occupation uint8

// The ten ISCO-08 major groups, codes 0 to 9.
const (
	ArmedForces   Occupation = iota + 1 // 0 Armed forces occupations
	Managers                            // 1
	Professionals                       // 2
	Technicians                         // 3 Technicians and associate professionals
	Clerks                              // 4 Clerical support workers
	ServiceSales                        // 5 Service and sales workers
	SkilledAgri                         // 6 Skilled agricultural, forestry and fishery workers
	Craft                               // 7 Craft and related trades workers
	Operators                           // 8 Plant and machine operators, and assemblers
	Elementary                          // 9 Elementary occupations
)

// NumOccupations is the number of ISCO-08 major groups.
const NumOccupations = 10

// occupationTitles: ISCO-08 (ILO 2012) and OKZ ОК 010-2014 titles.
var occupationTitles = [NumOccupations + 1][2]string{
	{},
	{"Armed forces occupations", "Военнослужащие"},
	{"Managers", "Руководители"},
	{"Professionals", "Специалисты высшего уровня квалификации"},
	{"Technicians and associate professionals", "Специалисты среднего уровня квалификации"},
	{"Clerical support workers", "Служащие, занятые подготовкой и оформлением документации, учетом и обслуживанием"},
	{"Service and sales workers", "Работники сферы обслуживания и торговли, охраны граждан и собственности"},
	{"Skilled agricultural, forestry and fishery workers", "Квалифицированные работники сельского и лесного хозяйства, рыбоводства и рыболовства"},
	{"Craft and related trades workers", "Квалифицированные рабочие промышленности, строительства, транспорта и рабочие родственных занятий"},
	{"Plant and machine operators, and assemblers", "Операторы производственных установок и машин, сборщики и водители"},
	{"Elementary occupations", "Неквалифицированные рабочие"},
}

// Occupations returns the ten major groups in code order 0–9, in a new slice.
func Occupations() []Occupation {
	o := make([]Occupation, NumOccupations)
	for i := range o {
		o[i] = Occupation(i + 1)
	}
	return o
}

// ParseOccupation parses an ISCO-08 major group code, "0" to "9", with
// surrounding spaces ignored. Any other text is an error wrapping
// [ErrUnknownCode].
func ParseOccupation(s string) (Occupation, error) {
	t := strings.TrimSpace(s)
	if len(t) == 1 && t[0] >= '0' && t[0] <= '9' {
		return Occupation(t[0]-'0') + 1, nil
	}
	return 0, fmt.Errorf("workforce: parse occupation %q: %w", s, ErrUnknownCode)
}

// Valid reports whether o is one of the ten major groups.
func (o Occupation) Valid() bool { return o >= ArmedForces && o <= Elementary }

// Code returns the ISCO-08 major group code, 0 to 9, or -1 for an invalid
// Occupation.
func (o Occupation) Code() int {
	if !o.Valid() {
		return -1
	}
	return int(o) - 1
}

// String returns the ISCO-08 code, "0" to "9", or "Occupation(n)" for an
// invalid value.
func (o Occupation) String() string {
	if !o.Valid() {
		return "Occupation(" + strconv.Itoa(int(o)) + ")"
	}
	return strconv.Itoa(o.Code())
}

// Title returns the ISCO-08 English title, or "" for an invalid Occupation.
func (o Occupation) Title() string {
	if !o.Valid() {
		return ""
	}
	return occupationTitles[o][0]
}

// TitleRU returns the OKZ (ОК 010-2014) Russian title, or "" for an invalid
// Occupation.
func (o Occupation) TitleRU() string {
	if !o.Valid() {
		return ""
	}
	return occupationTitles[o][1]
}

// SkillLevels returns the ILO skill levels the major group spans, in
// increasing order (ILO, ISCO-08 Vol. 1, 2012, table 2): group 0 spans 1, 2
// and 4; group 1 spans 3 and 4; group 2 is level 4; group 3 is level 3;
// groups 4–8 are level 2; group 9 is level 1. It returns nil for an invalid
// Occupation. To divide a group that spans several levels, see [SkillMap].
func (o Occupation) SkillLevels() []SkillLevel {
	switch o {
	case ArmedForces:
		return []SkillLevel{Skill1, Skill2, Skill4}
	case Managers:
		return []SkillLevel{Skill3, Skill4}
	case Professionals:
		return []SkillLevel{Skill4}
	case Technicians:
		return []SkillLevel{Skill3}
	case Clerks, ServiceSales, SkilledAgri, Craft, Operators:
		return []SkillLevel{Skill2}
	case Elementary:
		return []SkillLevel{Skill1}
	}
	return nil
}

// A SkillLevel is one of the four ILO skill levels of ISCO-08: 1 (simple
// manual tasks) to 4 (complex problem-solving, usually a university
// degree). The zero SkillLevel is invalid.
type SkillLevel uint8

// The four ILO skill levels.
const (
	Skill1 SkillLevel = iota + 1
	Skill2
	Skill3
	Skill4
)

// NumSkillLevels is the number of ILO skill levels.
const NumSkillLevels = 4

// SkillLevels returns the levels 1–4 in order, in a new slice.
func SkillLevels() []SkillLevel {
	return []SkillLevel{Skill1, Skill2, Skill3, Skill4}
}

// ParseSkillLevel parses "1" to "4", with surrounding spaces ignored. Any
// other text is an error wrapping [ErrUnknownCode].
func ParseSkillLevel(s string) (SkillLevel, error) {
	t := strings.TrimSpace(s)
	if len(t) == 1 && t[0] >= '1' && t[0] <= '4' {
		return SkillLevel(t[0] - '0'), nil
	}
	return 0, fmt.Errorf("workforce: parse skill level %q: %w", s, ErrUnknownCode)
}

// Valid reports whether k is one of the levels 1–4.
func (k SkillLevel) Valid() bool { return k >= Skill1 && k <= Skill4 }

// String returns "1" to "4", or "SkillLevel(n)" for an invalid value.
func (k SkillLevel) String() string {
	if !k.Valid() {
		return "SkillLevel(" + strconv.Itoa(int(k)) + ")"
	}
	return strconv.Itoa(int(k))
}

// Band returns the ILO broad skill band of the level: low for level 1,
// medium for level 2, high for levels 3 and 4. An invalid level has the
// invalid zero Band.
func (k SkillLevel) Band() Band {
	switch k {
	case Skill1:
		return Low
	case Skill2:
		return Medium
	case Skill3, Skill4:
		return High
	}
	return 0
}

// A Band is one of the ILO's three broad skill bands: low (skill level 1),
// medium (level 2) and high (levels 3 and 4). The zero Band is invalid.
type Band uint8

// The three broad skill bands.
const (
	Low Band = iota + 1
	Medium
	High
)

// NumBands is the number of broad skill bands.
const NumBands = 3

// Bands returns low, medium and high, in a new slice.
func Bands() []Band { return []Band{Low, Medium, High} }

var bandNames = [NumBands + 1]string{"", "low", "medium", "high"}

// ParseBand parses "low", "medium" or "high", in any case, with surrounding
// spaces ignored. Any other text is an error wrapping [ErrUnknownCode].
func ParseBand(s string) (Band, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for b := Low; b <= High; b++ {
		if t == bandNames[b] {
			return b, nil
		}
	}
	return 0, fmt.Errorf("workforce: parse band %q: %w", s, ErrUnknownCode)
}

// Valid reports whether b is low, medium or high.
func (b Band) Valid() bool { return b >= Low && b <= High }

// String returns "low", "medium" or "high", or "Band(n)" for an invalid value.
func (b Band) String() string {
	if !b.Valid() {
		return "Band(" + strconv.Itoa(int(b)) + ")"
	}
	return bandNames[b]
}

// SkillLevels returns the levels in the band, in increasing order, or nil
// for an invalid Band.
func (b Band) SkillLevels() []SkillLevel {
	switch b {
	case Low:
		return []SkillLevel{Skill1}
	case Medium:
		return []SkillLevel{Skill2}
	case High:
		return []SkillLevel{Skill3, Skill4}
	}
	return nil
}

// A SkillMap says how the ISCO-08 major groups that span several skill
// levels are divided among them. Every other group maps to its single
// level. The weights need not sum to one; only their ratios matter, and
// any finite non-negative weights work, however large or small (they are
// scaled by the largest before they are summed).
//
// The zero SkillMap is the documented default: an even split, half of
// group 1 (managers) at level 3 and half at level 4, and a third of group 0
// (armed forces) at each of levels 1, 2 and 4. ISCO-08 places sub-major
// groups 11–13 (chief executives; administrative, commercial, production
// and specialised services managers) at level 4 and 14 (hospitality, retail
// and other services managers) at level 3; set Managers from employment by
// sub-major group where it is known. Band totals do not depend on the
// split for group 1, whose levels are both in the high band.
type SkillMap struct {
	// Managers weighs ISCO group 1 at skill levels 3 and 4, in that order.
	Managers [2]float64
	// ArmedForces weighs ISCO group 0 at skill levels 1, 2 and 4, in that
	// order.
	ArmedForces [3]float64
}

// Split returns the fraction of occupation o at each skill level 1–4
// (index 0 is level 1); the fractions sum to 1. A group whose weights are
// all zero is split evenly (the zero SkillMap's documented default). A
// weight that is negative, NaN or infinite is an error wrapping
// [ErrBadValue] that names it; an invalid Occupation is an error wrapping
// [ErrUnknownCode].
func (m SkillMap) Split(o Occupation) ([NumSkillLevels]float64, error) {
	var out [NumSkillLevels]float64
	levels := o.SkillLevels()
	if levels == nil {
		return out, fmt.Errorf("workforce: skill split of %v: %w", o, ErrUnknownCode)
	}
	var w []float64
	switch o {
	case Managers:
		w = m.Managers[:]
	case ArmedForces:
		w = m.ArmedForces[:]
	default:
		w = []float64{1}
	}
	top := 0.0
	for i, x := range w {
		if !finiteNonNeg(x) {
			return out, fmt.Errorf("workforce: skill split of ISCO group %v: weight %v for skill level %v: %w", o, x, levels[i], ErrBadValue)
		}
		top = max(top, x)
	}
	if top == 0 { // the zero value: even split
		for _, k := range levels {
			out[k-1] = 1 / float64(len(levels))
		}
		return out, nil
	}
	// Scale by the largest weight before summing, so that the sum (at most
	// 3) cannot overflow, however large the weights.
	sum := 0.0
	for _, x := range w {
		sum += x / top
	}
	for i, k := range levels {
		out[k-1] = w[i] / top / sum
	}
	return out, nil
}
