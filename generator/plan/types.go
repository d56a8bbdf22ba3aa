// Package plan is the person-centred plan as typed Go values, and its strict loader.
//
// A plan is written once, as TOML, and feeds every document. The loader requires only
// what nothing can be rendered without (the person's name); everything the agreement
// criteria ask for is judged later by package check, so a draft with empty sections
// still loads and renders.
package plan

import (
	"lifeplan/generator/money"
)

// Plan is one young person's plan. Field order follows the criteria's order, so
// the TOML reference in the README reads in the same order as the LLSP.
type Plan struct {
	Plan   Meta   `toml:"plan"`
	Person Person `toml:"person"`

	// Criterion 1: who are you, what are you good at, what have you achieved.
	About About `toml:"about"`
	// Criterion 2: what is important to you, what do you want to learn.
	ImportantTo ImportantTo `toml:"important_to"`
	// Criterion 3: what is important for you, what do you need to learn.
	ImportantFor ImportantFor `toml:"important_for"`
	// Learning outcomes, referred to by id from changes, milestones and actions.
	Outcomes []Outcome `toml:"outcomes"`
	// Criterion 4: what do you want to change.
	Changes []Change `toml:"changes"`
	// Criterion 5: how do you want to be supported.
	Support Support `toml:"support"`
	Risks   []Risk  `toml:"risks"`
	// Criterion 6: how will you spend your budget.
	Budget Budget `toml:"budget"`
	// Criterion 7: how will your budget be managed and support organised.
	Management Management `toml:"management"`
	// Criterion 8: how will you gain more control of your life.
	Control Control `toml:"control"`
	// Criterion 9: how and where do you learn best.
	LearningStyle LearningStyle `toml:"learning_style"`
	// Criterion 10: the action plan.
	ActionPlan ActionPlan `toml:"action_plan"`

	// Good practice.
	ChangeMyMind  string             `toml:"change_my_mind"`
	Communication []CommunicationRow `toml:"communication"`
	Working       WorkingNotWorking  `toml:"working"`
	Family        Family             `toml:"family"`
	Distress      string             `toml:"distress"`
	Emergencies   Emergencies        `toml:"emergencies"`
	Aspirations   string             `toml:"aspirations"`
	Training      []TrainingNeed     `toml:"training"`
	Choosing      string             `toml:"choosing_supporters"`
	Reviews       Reviews            `toml:"reviews"`

	// For the service specification, housing specification and support plan.
	Team    Team       `toml:"team"`
	Service Service    `toml:"service"`
	Housing Housing    `toml:"housing"`
	Daily   DailyLife  `toml:"daily_life"`
	Health  Health     `toml:"health"`
	History []Revision `toml:"history"`

	// For the agreement page, the first-shift page and the provider's own records
	// (issue 10: documents that work for their readers).
	Agreement     Agreement   `toml:"agreement"`
	FirstShift    FirstShift  `toml:"first_shift"`
	SupportPlan   SupportPlan `toml:"support_plan"`
	DistressSteps []string    `toml:"distress_steps"` // what to do, in order, when the person is distressed

	// Organisation is who sends the documents (a council, a provider): its name,
	// logo, accent colour and contact line on the cover and in the running header.
	// `lifeplan render --brand FILE.toml` gives it from a file of its own instead.
	Organisation Organisation `toml:"organisation"`

	// Set by the loader, not read from TOML.
	Source Source `toml:"-"`
}

// Source records where the plan came from, for error messages and check findings.
type Source struct {
	Path string            // as given on the command line
	Dir  string            // the folder pictures are resolved against
	Name string            // file name without .toml: the output folder's name
	Pos  map[string]Pos    // key path ("changes[1].what") to where it was written
	Pics map[string]*Image // picture path as written to its loaded picture
}

// Pos is a place in the plan file. Line and Col count from 1.
type Pos struct{ Line, Col int }

// Meta is the plan's own metadata.
type Meta struct {
	Title          string `toml:"title"`
	Version        string `toml:"version"`
	Status         Status `toml:"status"`
	Written        Date   `toml:"written"`
	Review         Date   `toml:"review"`
	Author         string `toml:"author"`
	Contribution   string `toml:"contribution"`
	PCPLink        string `toml:"person_centred_plan"`
	Classification string `toml:"classification"`
	Language       string `toml:"language"`
}

// Status is where the plan is in its life.
type Status string

const (
	StatusDraft     Status = "draft"
	StatusSubmitted Status = "submitted"
	StatusAgreed    Status = "agreed"
)

// Person is the young person the plan is for.
type Person struct {
	Name          string  `toml:"name"`
	PreferredName string  `toml:"preferred_name"`
	DateOfBirth   Date    `toml:"date_of_birth"`
	Pronouns      string  `toml:"pronouns"`
	Photo         Picture `toml:"photo"`
	PhotoAlt      string  `toml:"photo_alt"`
	Communication string  `toml:"communication"`
	// Information is how the person needs information and contact (the Accessible
	// Information Standard, DCB1605); every document prints it near the start.
	Information AccessibleInfo `toml:"information"`
}

// AccessibleInfo records one person's information and communication needs, as the
// Accessible Information Standard (NHS England, DCB1605) asks organisations to: the
// formats they need, how to contact them, a communication professional who must be
// there, and the reasonable adjustments to make.
type AccessibleInfo struct {
	Formats      []string `toml:"formats"` // ids from InfoFormats
	Contact      string   `toml:"contact"` // how to contact them (and how not to)
	Professional string   `toml:"communication_professional"`
	Adjustments  []Item   `toml:"adjustments"`
}

// Recorded reports whether anything at all is recorded.
func (a AccessibleInfo) Recorded() bool {
	return len(a.Formats) > 0 || a.Contact != "" || a.Professional != "" || len(a.Adjustments) > 0
}

// CalledName is how documents address the person: the preferred name if given.
func (p Person) CalledName() string {
	if p.PreferredName != "" {
		return p.PreferredName
	}
	return p.Name
}

// About answers criterion 1.
type About struct {
	WhoIAm          string    `toml:"who_i_am"`
	Picture         Picture   `toml:"picture"`
	PictureAlt      string    `toml:"picture_alt"`
	LikedAndAdmired []Item    `toml:"liked_and_admired"`
	GoodAt          []Item    `toml:"good_at"`
	Achievements    []Item    `toml:"achievements"`
	Interests       []Item    `toml:"interests"`
	Hopes           []Item    `toml:"hopes"`
	People          []Person2 `toml:"people"`
	LearningNow     []Item    `toml:"learning_now"`
	LearningNext    []Item    `toml:"learning_next"`
	// EasySummary is who_i_am in easy-read words (sentences of at most 15 words),
	// for the easy-read version.
	EasySummary string `toml:"easy_summary"`
}

// Person2 is someone important in the person's life.
type Person2 struct {
	Name         string `toml:"name"`
	Relationship string `toml:"relationship"`
	Why          string `toml:"why"`
	// Carer marks someone who cares for the person; their own information needs
	// (Accessible Information Standard) are recorded in Information.
	Carer       bool           `toml:"carer"`
	Information AccessibleInfo `toml:"information"`
}

// ImportantTo answers criterion 2.
type ImportantTo struct {
	Summary     string `toml:"summary"`
	Items       []Item `toml:"items"`
	WantToLearn []Item `toml:"want_to_learn"`
	// EasySummary is the summary in easy-read words.
	EasySummary string `toml:"easy_summary"`
}

// ImportantFor answers criterion 3. Health detail (conditions, medication) lives in
// [health], which only the LLSP and the support plan carry.
type ImportantFor struct {
	Summary     string `toml:"summary"`
	Healthy     []Item `toml:"healthy"`
	Safe        []Item `toml:"safe"`
	Community   []Item `toml:"community"`
	NeedToLearn []Item `toml:"need_to_learn"`
	// EasySummary is the summary in easy-read words.
	EasySummary string `toml:"easy_summary"`
}

// OutcomeArea tags a learning outcome with the part of life it serves.
type OutcomeArea string

const (
	AreaCommunity   OutcomeArea = "community_inclusion"
	AreaEmployment  OutcomeArea = "employment"
	AreaCitizenship OutcomeArea = "citizenship"
	AreaHealth      OutcomeArea = "health"
	AreaSafety      OutcomeArea = "safety"
	AreaIndependent OutcomeArea = "independent_living"
	AreaOther       OutcomeArea = "other"
)

// Outcome is a learning outcome.
type Outcome struct {
	ID   string      `toml:"id"`
	What string      `toml:"what"`
	Area OutcomeArea `toml:"area"`
	How  string      `toml:"how"` // the learning activity that gets there
	// Short names the outcome in a few words where it is referred to again, so each
	// outcome is printed in full only once.
	Short string `toml:"short"`
}

// Idea says whose idea a change was.
type Idea string

const (
	IdeaMine   Idea = "mine"
	IdeaShared Idea = "shared"
	IdeaOthers Idea = "others"
)

// Change is something the person wants to change (criterion 4).
type Change struct {
	ID         string      `toml:"id"`
	What       string      `toml:"what"`
	Why        string      `toml:"why"`
	WhoseIdea  Idea        `toml:"whose_idea"`
	DefinedHow string      `toml:"defined_how"`
	LongTerm   bool        `toml:"long_term"`
	Learning   []string    `toml:"learning"` // outcome ids
	Milestones []Milestone `toml:"milestones"`
	Steps      []Step      `toml:"steps"`
	Picture    Picture     `toml:"picture"`
	PictureAlt string      `toml:"picture_alt"`
	// Easy is what in easy-read words, for the easy-read version.
	Easy string `toml:"easy"`
}

// Milestone is a dated point on the way to a change.
type Milestone struct {
	What     string   `toml:"what"`
	By       Date     `toml:"by"`
	Learning []string `toml:"learning"` // outcome ids
	Easy     string   `toml:"easy"`     // what in easy-read words
}

// Step is one achievable step of a long-term change.
type Step struct {
	What string `toml:"what"`
	By   Date   `toml:"by"`
	Easy string `toml:"easy"` // what in easy-read words
}

// Support answers criterion 5.
type Support struct {
	Summary        string        `toml:"summary"`
	StayingSafe    string        `toml:"staying_safe_and_well"`
	OrdinaryPlaces string        `toml:"ordinary_places"`
	RightPeople    string        `toml:"right_people"`
	NotGoingWell   string        `toml:"when_not_going_well"`
	Items          []SupportItem `toml:"items"`
	// EasySummary is the summary in easy-read words.
	EasySummary string `toml:"easy_summary"`
}

// TimeOfDay is when support happens, for the team specification's hours.
type TimeOfDay string

const (
	TimeDay         TimeOfDay = "day"
	TimeEvening     TimeOfDay = "evening"
	TimeNight       TimeOfDay = "night"
	TimeSleepIn     TimeOfDay = "sleep_in"
	TimeWakingNight TimeOfDay = "waking_night"
)

// SupportItem is one support arrangement: what, when, how and who.
type SupportItem struct {
	ID           string        `toml:"id"`
	What         string        `toml:"what"`
	When         string        `toml:"when"`
	How          string        `toml:"how"`
	Who          string        `toml:"who"`
	HoursPerWeek money.Decimal `toml:"hours_per_week"`
	Time         TimeOfDay     `toml:"time"`
	BudgetLine   string        `toml:"budget_line"` // budget line id that pays for it
	Changes      []string      `toml:"changes"`     // change ids it serves
	Private      bool          `toml:"private"`
	Picture      Picture       `toml:"picture"`
	PictureAlt   string        `toml:"picture_alt"`
	// Funding says who pays for these hours: this plan's budget, nobody (family and
	// friends), or another service (college, health). When left out, an item with a
	// budget_line is paid from the budget and one without is unpaid.
	Funding Funding `toml:"funding"`
	// NightsPerWeek counts sleep-in and waking nights, which are costed by the night,
	// not by the hour.
	NightsPerWeek money.Decimal `toml:"nights_per_week"`
	// Easy is what in easy-read words, for the easy-read version.
	Easy string `toml:"easy"`
}

// Funding is who pays for a support item's hours.
type Funding string

const (
	FundingBudget       Funding = "budget"
	FundingUnpaid       Funding = "unpaid"
	FundingOtherService Funding = "other_service"
)

// Level rates a risk's likelihood or severity.
type Level string

const (
	LevelLow    Level = "low"
	LevelMedium Level = "medium"
	LevelHigh   Level = "high"
)

// Risk is a risk and how it is managed.
type Risk struct {
	ID         string `toml:"id"`
	What       string `toml:"what"`
	Likelihood Level  `toml:"likelihood"`
	Severity   Level  `toml:"severity"`
	Managed    string `toml:"managed"`
	Who        string `toml:"who"`
	Private    bool   `toml:"private"`
}

// Budget answers criterion 6. Amounts are decimal pounds in TOML ("13.50" or 13.50)
// and integer pence in Go.
type Budget struct {
	Allocation      money.Pence    `toml:"allocation"`
	Allocations     []FunderAmount `toml:"allocations"`
	WeeksPerYear    money.Decimal  `toml:"weeks_per_year"`
	Rates           string         `toml:"rates"`
	RateOverrides   RateOverrides  `toml:"rate_overrides"`
	UpliftPercent   money.Decimal  `toml:"uplift_percent"`
	Lines           []BudgetLine   `toml:"lines"`
	Employer        EmployerCosts  `toml:"employer"`
	Contingency     Contingency    `toml:"contingency"`
	ValueForMoney   string         `toml:"value_for_money"`
	IfThingsGoWrong string         `toml:"if_things_go_wrong"`
	Years2And3      string         `toml:"years_2_and_3"`
	// Starts is the day year 1 begins; it picks the rates table of the tax year that
	// contains it. Left out, the plan's date (plan.written) is used.
	Starts Date `toml:"starts"`
	// AllocationUplift is how much the allocation is assumed to rise each year, for
	// years 2 and 3; left out, the plan's uplift_percent.
	AllocationUplift *money.Decimal `toml:"allocation_uplift_percent"`
}

// FunderAmount is the part of the allocation one funder agreed.
type FunderAmount struct {
	Funder string      `toml:"funder"`
	Amount money.Pence `toml:"amount"`
}

// BudgetLine is one costed line. Exactly one way of costing is given:
// unit_cost with quantity and per; one_off; hours_per_week with hourly_rate;
// an employed PA (pa = true with hourly_rate, hours_per_week, people);
// or nights (per_night with nights_per_week).
type BudgetLine struct {
	ID            string        `toml:"id"`
	What          string        `toml:"what"`
	Category      string        `toml:"category"`
	Funder        string        `toml:"funder"`
	UnitCost      money.Pence   `toml:"unit_cost"`
	Quantity      money.Decimal `toml:"quantity"`
	Per           string        `toml:"per"` // week, month or year
	OneOff        money.Pence   `toml:"one_off"`
	HoursPerWeek  money.Decimal `toml:"hours_per_week"`
	HourlyRate    money.Pence   `toml:"hourly_rate"`
	PA            bool          `toml:"pa"`
	People        int           `toml:"people"`
	AgeBand       string        `toml:"age_band"` // "21+", "18-20", "under-18"
	PerNight      money.Pence   `toml:"per_night"`
	NightsPerWeek money.Decimal `toml:"nights_per_week"`
	NightKind     TimeOfDay     `toml:"night_kind"` // sleep_in or waking_night
	Year2         *money.Pence  `toml:"year2"`
	Year3         *money.Pence  `toml:"year3"`
	Note          string        `toml:"note"`
	// PensionOptIn says a PA who is not auto-enrolled (aged 16 to 21, or earning
	// less than the trigger) has chosen to join the workplace pension.
	PensionOptIn bool `toml:"pension_opt_in"`
}

// RateOverrides replaces figures of the selected rates table one by one.
type RateOverrides struct {
	HolidayPercent      *money.Decimal `toml:"holiday_percent"`
	EmployerNIPercent   *money.Decimal `toml:"employer_ni_percent"`
	NIThreshold         *money.Pence   `toml:"ni_secondary_threshold"`
	EmploymentAllowance *money.Pence   `toml:"employment_allowance"`
	PensionPercent      *money.Decimal `toml:"pension_percent"`
	PensionLower        *money.Pence   `toml:"pension_lower"`
	PensionUpper        *money.Pence   `toml:"pension_upper"`
	UpperSecondary      *money.Pence   `toml:"ni_upper_secondary_threshold"`
	PensionTrigger      *money.Pence   `toml:"pension_trigger"`
}

// EmployerCosts are the yearly costs of being an employer, beyond pay.
type EmployerCosts struct {
	ClaimsEmploymentAllowance bool        `toml:"claims_employment_allowance"`
	PensionEligible           *bool       `toml:"pension_eligible"`
	LiabilityInsurance        money.Pence `toml:"liability_insurance"`
	Payroll                   money.Pence `toml:"payroll"`
	DBSChecks                 money.Pence `toml:"dbs_checks"`
	Training                  money.Pence `toml:"training"`
	Funder                    string      `toml:"funder"`
}

// Contingency is the fund kept for emergencies and changes in circumstance.
type Contingency struct {
	Amount     money.Pence   `toml:"amount"`
	Percent    money.Decimal `toml:"percent"`
	Purpose    string        `toml:"purpose"`
	ReleasedBy string        `toml:"released_by"`
	Funder     string        `toml:"funder"`
	// EasyPurpose is the purpose in easy-read words: what the spare money is for.
	EasyPurpose string `toml:"easy_purpose"`
}

// Management answers criterion 7.
type Management struct {
	BudgetType       string           `toml:"budget_type"`
	ManagedBy        string           `toml:"managed_by"`
	How              string           `toml:"how"`
	Responsibilities []Responsibility `toml:"responsibilities"`
	Employer         EmployerDuties   `toml:"employer"`
	ISF              ISF              `toml:"isf"`
	WantToLearn      []Item           `toml:"want_to_learn"`
}

// Responsibility says who does what.
type Responsibility struct {
	Who  string `toml:"who"`
	What string `toml:"what"`
}

// EmployerDuties is how the duties of employing personal assistants are met.
type EmployerDuties struct {
	Payroll       string `toml:"payroll"`
	Insurance     string `toml:"insurance"`
	DBS           string `toml:"dbs_checks"`
	RightToWork   string `toml:"right_to_work_and_contracts"`
	Training      string `toml:"training"`
	Supervision   string `toml:"supervision"`
	EmploymentLaw string `toml:"employment_law"`
}

// ISF describes an Individual Service Fund.
type ISF struct {
	Holder        string `toml:"holder"`
	ManagementFee string `toml:"management_fee"`
	Reporting     string `toml:"reporting"`
}

// Control answers criterion 8.
type Control struct {
	Summary     string      `toml:"summary"`
	Decisions   []Decision  `toml:"decisions"`
	MoneyReview MoneyReview `toml:"money_review"`
	WantToLearn []Item      `toml:"want_to_learn"`
	// EasySummary is the summary in easy-read words.
	EasySummary string `toml:"easy_summary"`
}

// DecisionMaker says who makes a decision.
type DecisionMaker string

const (
	DecidesMe     DecisionMaker = "me"
	DecidesShared DecisionMaker = "shared"
	DecidesOthers DecisionMaker = "others"
)

// Decision is one line of the decision-making agreement.
type Decision struct {
	What        string        `toml:"what"`
	MadeBy      DecisionMaker `toml:"made_by"`
	FinalSay    string        `toml:"final_say"`
	HowInvolved string        `toml:"how_involved"`
	// Easy is what in easy-read words, for the easy-read version.
	Easy string `toml:"easy"`
	// Kind sorts decisions (everyday, money, health …) so checks need not guess
	// from the words; ids from DecisionKinds.
	Kind string `toml:"kind"`
	// BestInterests records why someone else decides: the mental capacity
	// assessment for this decision and the best-interests decision that followed.
	BestInterests BestInterests `toml:"best_interests"`
}

// BestInterests is the record behind a decision someone else makes for the person
// (Mental Capacity Act 2005, ss.1-4): capacity is assessed for the decision, and a
// decision made for the person is made in their best interests.
type BestInterests struct {
	CapacityAssessed Date   `toml:"capacity_assessed"` // date of the capacity assessment
	AssessedBy       string `toml:"assessed_by"`
	Decided          Date   `toml:"decided"` // date of the best-interests decision
	DecidedBy        string `toml:"decided_by"`
	Record           string `toml:"record"` // where the record is kept, or a short summary
}

// MoneyReview is how the person reviews progress when someone else holds the money.
type MoneyReview struct {
	Who      string `toml:"who"`
	How      string `toml:"how"`
	HowOften string `toml:"how_often"`
}

// LearningStyle answers criterion 9.
type LearningStyle struct {
	People       string `toml:"people"`
	Environments string `toml:"environments"`
	Approaches   string `toml:"approaches"`
	Pace         string `toml:"pace"`
	Motivation   string `toml:"motivation"`
	// EasySummary is how I learn best in easy-read words, in place of the five
	// answers above in the easy-read version.
	EasySummary string `toml:"easy_summary"`
}

// ActionPlan answers criterion 10.
type ActionPlan struct {
	HowChecked string   `toml:"how_checked"`
	Actions    []Action `toml:"actions"`
}

// Action is one thing that will happen, with who, by when and how it is checked.
type Action struct {
	What   string `toml:"what"`
	Who    string `toml:"who"`
	By     Date   `toml:"by"`
	Check  string `toml:"check"`
	Change string `toml:"change"` // change id it serves
	// Status is how far the action has got; an action past its date and not done is
	// shown as late.
	Status ActionStatus `toml:"status"`
	Easy   string       `toml:"easy"` // what in easy-read words
	// Private keeps the action out of the service specification.
	Private bool `toml:"private"`
}

// ActionStatus is how far an action has got.
type ActionStatus string

const (
	ActionNotStarted ActionStatus = "not_started"
	ActionInProgress ActionStatus = "in_progress"
	ActionDone       ActionStatus = "done"
)

// CommunicationRow is one row of the communication chart.
type CommunicationRow struct {
	Situation string `toml:"situation"`
	IDo       string `toml:"i_do"`
	WeThink   string `toml:"we_think"`
	WeShould  string `toml:"we_should"`
	// Private keeps the row out of the service specification.
	Private bool `toml:"private"`
}

// WorkingNotWorking separates the person's view from the family's.
type WorkingNotWorking struct {
	Person    []Item `toml:"person_working"`
	PersonNot []Item `toml:"person_not_working"`
	Family    []Item `toml:"family_working"`
	FamilyNot []Item `toml:"family_not_working"`
}

// Family is the family's own perspective, kept apart from the person's.
type Family struct {
	Perspective  string `toml:"perspective"`
	Hopes        []Item `toml:"hopes"`
	Concerns     []Item `toml:"concerns"`
	FamilyIssues []Item `toml:"family_issues"`
}

// Emergencies is what happens when things go wrong, and who to call.
type Emergencies struct {
	Plan     string    `toml:"plan"`
	OnCall   string    `toml:"on_call"`
	Contacts []Contact `toml:"contacts"`
	// Guides are emergency plans written as steps, e.g. what to do in a seizure.
	Guides []Guide `toml:"guides"`
}

// Guide is what to do in one kind of emergency, step by step.
type Guide struct {
	Title string   `toml:"title"` // e.g. "If I have a seizure"
	Steps []string `toml:"steps"`
	// FirstShift puts the guide on the support plan's first-shift page: the health
	// emergency a new worker must know before anything else.
	FirstShift bool `toml:"first_shift"`
}

// Contact is someone to call.
type Contact struct {
	Name  string `toml:"name"`
	Role  string `toml:"role"`
	Phone string `toml:"phone"`
	When  string `toml:"when"`
}

// TrainingNeed is training that supporters need.
type TrainingNeed struct {
	What     string `toml:"what"`
	Who      string `toml:"who"`
	Specific bool   `toml:"specific"` // specific to this person
	// Private keeps the training need out of the service specification.
	Private bool `toml:"private"`
}

// Reviews is how the plan is reviewed and how the person drives reviews.
type Reviews struct {
	How      string `toml:"how"`
	HowOften string `toml:"how_often"`
	HowILead string `toml:"how_i_lead"`
}

// Team is the team specification for the service specification.
type Team struct {
	Roles           []Role   `toml:"roles"`
	Essential       []Item   `toml:"essential"`
	Desirable       []Item   `toml:"desirable"`
	Characteristics []Item   `toml:"characteristics"`
	SharedInterests []Item   `toml:"shared_interests"`
	OnCall          string   `toml:"on_call"`
	Members         []Member `toml:"members"`
}

// Role is one kind of post in the team.
type Role struct {
	Role      string        `toml:"role"`
	Count     int           `toml:"count"`
	HoursEach money.Decimal `toml:"hours_each"`
	// Private keeps the role out of the service specification.
	Private bool `toml:"private"`
}

// Member is a named person in the team, for the support plan.
type Member struct {
	Name     string   `toml:"name"`
	Role     string   `toml:"role"`
	Training []string `toml:"training"`
}

// Service is what commissioners buy and monitor.
type Service struct {
	Aims        []Aim       `toml:"aims"`
	Involvement Involvement `toml:"involvement"`
	Commission  []Item      `toml:"to_commission"`
	// What the contract with the provider needs.
	Start          Date     `toml:"start"`
	Length         string   `toml:"length"` // e.g. "2 years, reviewed each September"
	Reporting      []Report `toml:"reporting"`
	SupportPlanDue Date     `toml:"support_plan_due"` // when the provider's own support plan must be written
}

// Report is something the provider reports back to the commissioner.
type Report struct {
	What     string `toml:"what"`
	HowOften string `toml:"how_often"`
	To       string `toml:"to"`
}

// Aim is a service aim with how it is measured.
type Aim struct {
	Aim     string `toml:"aim"`
	Measure string `toml:"measure"`
	Review  string `toml:"review"`
	// ReviewedBy is who looks at the measure, for the contract's monitoring table.
	ReviewedBy string `toml:"reviewed_by"`
	// Private keeps the aim out of the service specification.
	Private bool `toml:"private"`
}

// Involvement is the part the person and family play in the service.
type Involvement struct {
	Service     string `toml:"service"`
	Recruitment string `toml:"recruitment"`
	Training    string `toml:"training"`
}

// Housing is the housing specification.
type Housing struct {
	Areas         []Item       `toml:"areas"`
	Near          []Item       `toml:"near"`
	Avoid         []Item       `toml:"avoid"`
	Transport     string       `toml:"transport"`
	PropertyType  string       `toml:"property_type"`
	Bedrooms      int          `toml:"bedrooms"`
	StaffSpace    string       `toml:"staff_space"`
	LiveWith      string       `toml:"live_with"`
	Tenure        string       `toml:"tenure"`
	Adaptations   []Adaptation `toml:"adaptations"`
	Accessibility string       `toml:"accessibility"`
	Capacity      string       `toml:"capacity"`
	DoLS          DoLS         `toml:"deprivation_of_liberty"`
	MoveBy        Date         `toml:"move_by"`
	MoveWhen      string       `toml:"move_when"`
	Rent          string       `toml:"rent"`
	Benefits      string       `toml:"benefits"`
	Pets          string       `toml:"pets"`
	Garden        string       `toml:"garden"`
	WrongIf       []Item       `toml:"wrong_if"`
	// Contact is who a broker or landlord calls about viewings and questions.
	Contact Contact `toml:"contact"`
	// Essential and Preferred keep what the home must have apart from what would be good.
	Essential []Item `toml:"essential"`
	Preferred []Item `toml:"preferred"`
}

// Adaptation is a change the home needs, with the reason.
type Adaptation struct {
	What string `toml:"what"`
	Why  string `toml:"why"`
	// Private keeps the adaptation out of the housing specification.
	Private bool `toml:"private"`
}

// DoLS is what a landlord must know of a deprivation-of-liberty authorisation.
type DoLS struct {
	Status string `toml:"status"`
	Route  string `toml:"route"`
	Review Date   `toml:"review"`
}

// DailyLife is the routine, and good and bad days, for the support plan.
type DailyLife struct {
	Daily   []RoutineStep `toml:"daily"`
	Weekly  []RoutineStep `toml:"weekly"`
	GoodDay []Item        `toml:"good_day"`
	BadDay  []Item        `toml:"bad_day"`
}

// RoutineStep is a point in the day or week and how to help then.
type RoutineStep struct {
	When string `toml:"when"`
	What string `toml:"what"`
	Help string `toml:"help"`
}

// Health is health detail. Only the LLSP and the support plan carry it.
type Health struct {
	Conditions []Item       `toml:"conditions"`
	Routines   []Item       `toml:"routines"`
	Medication []Medication `toml:"medication"`
	// GuardedTerms are more words from this section that must never reach the
	// service or housing specification (medicine names are guarded already).
	GuardedTerms []string `toml:"guarded_terms"`
}

// Medication is one medicine and how it is given.
type Medication struct {
	Name    string `toml:"name"`
	Dose    string `toml:"dose"`
	When    string `toml:"when"`
	Purpose string `toml:"purpose"`
	Help    string `toml:"help"`
}

// Revision is one entry of the plan's change history.
type Revision struct {
	Version  string `toml:"version"`
	Date     Date   `toml:"date"`
	What     string `toml:"what"`
	AgreedBy string `toml:"agreed_by"`
}

// Agreement is how the plan was agreed: by the young person in their own way, and
// by both funders ("need to be agreed by both the LSC and LA").
type Agreement struct {
	HowIAgreed  string        `toml:"how_i_agreed"`
	Involved    []Contributor `toml:"involved"`
	Signatories []Signatory   `toml:"signatories"`
	Decision    PanelDecision `toml:"decision"`
}

// Contributor is someone who helped write the plan, and how.
type Contributor struct {
	Name string `toml:"name"`
	Role string `toml:"role"`
	How  string `toml:"how"`
}

// Signatory is someone who signs the plan.
type Signatory struct {
	Name string `toml:"name"`
	Role string `toml:"role"`
	For  string `toml:"for"` // person, family, local_authority, education, other
}

// PanelDecision is the agreement panel's decision, once made.
type PanelDecision struct {
	Outcome    string `toml:"outcome"` // agreed, agreed_with_conditions, not_agreed
	Conditions string `toml:"conditions"`
	Date       Date   `toml:"date"`
}

// FirstShift is what a new worker needs on their first shift, before reading on.
type FirstShift struct {
	Dos   []Item `toml:"dos"`
	Donts []Item `toml:"donts"`
	// How the person says yes, no, that something hurts, and that they are upset.
	Yes   string `toml:"yes"`
	No    string `toml:"no"`
	Pain  string `toml:"pain"`
	Upset string `toml:"upset"`
}

// SupportPlan is the provider's own record of its support plan: its version history,
// kept apart from the LLSP's, and who has read and understood it.
type SupportPlan struct {
	Version string       `toml:"version"`
	History []Revision   `toml:"history"`
	ReadBy  []ReadRecord `toml:"read_by"`
}

// ReadRecord is one line of the "read and understood" log.
type ReadRecord struct {
	Name string `toml:"name"`
	Role string `toml:"role"`
	Date Date   `toml:"date"`
}

// Organisation is the branding of the documents: who sends them.
type Organisation struct {
	Name    string  `toml:"name"`
	Logo    Picture `toml:"logo"`     // PNG or JPEG, under the same rules as every picture
	LogoAlt string  `toml:"logo_alt"` // alternative text, e.g. "Northamptonshire Council logo"
	// Accent is the colour of headings and rules, "#rrggbb". It must have a
	// contrast of at least 4.5:1 with white, the page it is drawn on (WCAG 2.2
	// AA, success criterion 1.4.3).
	Accent  string `toml:"accent"`
	Contact string `toml:"contact"` // one line: "Adult Social Care, 0300 126 1000, asc@example.gov.uk"
}
