--[[
Operation Northern Lights: ttxsim's default exercise
=====================================================

A 72-hour joint UK–US response to a state-sponsored intrusion into an energy network and a bank.
T+0 is Saturday 14 March 2026, 08:00Z. UK times are GMT (= Z); US Eastern is EDT (Z-4).

The story. The actor, tracked here as SILENT BIRCH, "lives off the land": valid accounts, ntdsutil,
netsh portproxy, RDP, and log clearing, routed through a relay network of compromised routers and
rented VPSs. Its tradecraft follows the public 2023–24 Five Eyes advisories on pre-positioning in
critical infrastructure. It has been in two places since Thursday:
  * Albion Grid Transmission plc, a UK electricity transmission operator and NIS operator of
    essential services. The actor is in the OT DMZ and near the vendor remote-access gateway that
    reaches substation HMIs.
  * Thameside Hudson Bank (THB). Privileged credentials were stolen in London and used against the
    bank's New York subsidiary; a new "criminal" group, SABLE LEDGER, later extorts the bank.
The same relay nodes show up on both sides of the Atlantic, so neither nation can see the whole
picture alone.

Lines of effort. UK: NCSC (national CSIRT and NIS single point of contact); NCA NCCU (law
enforcement); DESNZ/Ofgem (NIS regulator; DESNZ is lead government department); PRA/FCA for the
bank. US, under PPD-41: FBI (threat response), CISA (asset response), ODNI (intelligence), with
DOE and Treasury as sector risk management agencies (SRMAs).

Decision points, and what each changes:
  D1 grid-siem-alert   Grid SOC reports to NCSC now, or monitors. Monitoring yields more
                       intelligence, but NCSC finds out on its own at T+8h (held contingency),
                       and any later HMI session comes sooner.
  D2 grid-ncsc-report  NCSC grades the incident Cat 2 (COBR asks for a sitrep) or Cat 3 (Cabinet
                       Office later asks why it was not told).
  D3 ncsc-share        NCSC shares indicators with CISA at AMBER, at AMBER+STRICT, or waits
                       (CISA then escalates: held contingency partner-pressure). This sets
                       how soon THB USA can hunt. If it hunts before T+10h, the extortionist
                       holds 180 GB instead of 1.2 TB.
  D4 grid-ot-access    The grid cuts vendor remote access to OT, or keeps it for visibility.
                       Cutting it may alert the actor (random); keeping it leads to an HMI session
                       at a substation.
  D5 media-query       Press office issues a holding statement or declines; declining lets a
                       blackout rumour spread.
  D6 bank-extortion    Bank refuses (data leaks), negotiates under LE guidance (LE takes the
                       leak site down), or pays (sanctions hit; may leak anyway). Arrives at
                       T+34h, or T+28h if the actor was alerted by D4.
  D7 attribution       UK/US attribute jointly now, publish an advisory only, or hold (and the
                       story leaks).
Minor decisions: grid-monitor-findings (report now or keep watching), cobr-sitrep (brief or
defer).

Deadlines are short enough that slow bots sometimes miss them, so headless runs also cover the
timeout branches. Late decisions after a timeout are still honoured where they would change the
story, but objectives stay missed. Every objective is rated once, met or missed, on every path;
any still open at ENDEX is rated missed.
]]

scenario {
  id = "northern-lights",
  title = "Operation Northern Lights",
  summary = "Joint UK–US response to a state-sponsored living-off-the-land intrusion into a UK "
    .. "grid operator and a bank with US operations. Covers reporting, cross-border sharing "
    .. "under TLP, OT containment, extortion, public messaging and joint attribution.",
  start = "2026-03-14T08:00:00Z",
  duration = "72h",
}

---------------------------------------------------------------------------------------------
-- Organisations and roles
---------------------------------------------------------------------------------------------

org "ncsc"    { name = "National Cyber Security Centre (UK)", team = "uk",
                clients = { "albion", "thb" } }
org "nca"     { name = "National Crime Agency, National Cyber Crime Unit", team = "uk" }
org "albion"  { name = "Albion Grid Transmission plc", team = "uk" }
org "thb"     { name = "Thameside Hudson Bank plc (group, London)", team = "uk" }
org "cisa"    { name = "Cybersecurity and Infrastructure Security Agency", team = "us",
                clients = { "thb-usa" } }
org "fbi"     { name = "Federal Bureau of Investigation, Cyber Division", team = "us" }
org "thb-usa" { name = "Thameside Hudson Bank USA, N.A. (New York)", team = "us" }

role "uk-ncsc"  { name = "NCSC Incident Management", org = "ncsc", delay = { "5m", "40m" } }
role "uk-nca"   { name = "NCA NCCU duty officer", org = "nca", delay = { "15m", "1h" } }
role "grid-soc" { name = "Albion Grid SOC", org = "albion", delay = { "5m", "40m" } }
role "bank-soc" { name = "THB Cyber Fusion Centre (London)", org = "thb",
                  delay = { "10m", "1h15m" } }
role "us-cisa"  { name = "CISA Central", org = "cisa", delay = { "10m", "45m" } }
role "us-fbi"   { name = "FBI Cyber (New York Field Office)", org = "fbi", delay = { "15m", "1h" } }
role "bank-us"  { name = "THB USA CISO office", org = "thb-usa", delay = { "15m", "1h" } }
role "press"    { name = "Government press office (NCSC media desk)", org = "ncsc", public = true,
                  delay = { "5m", "45m" } }

local ALL = { "uk-ncsc", "uk-nca", "grid-soc", "bank-soc", "us-cisa", "us-fbi", "bank-us", "press" }

---------------------------------------------------------------------------------------------
-- Objectives (each is rated once: met or missed)
---------------------------------------------------------------------------------------------

objective "report-early" { capability = "Operational Communications",
  text = "Albion Grid reports the intrusion to NCSC within an hour of the first alert" }
objective "share-partner" { capability = "Intelligence and Information Sharing",
  text = "NCSC shares actionable indicators with CISA at a suitable TLP within an hour of being asked" }
objective "protect-ot" { capability = "Cybersecurity",
  text = "Albion Grid denies the actor a path into OT without loss of supply" }
objective "situational" { capability = "Situational Assessment",
  text = "NCSC gives ministers (COBR) an accurate situation report on time" }
objective "extortion" { capability = "Operational Coordination",
  text = "THB handles the extortion demand with NCA and FBI, without paying" }
objective "public-info" { capability = "Public Information and Warning",
  text = "Public lines are timely and accurate, and rumours are not left unanswered" }
objective "attribution" { capability = "Operational Coordination",
  text = "UK and US agree and deliver a joint public position before it leaks" }

local OBJECTIVES = { "report-early", "share-partner", "protect-ot", "situational",
                     "extortion", "public-info", "attribution" }

---------------------------------------------------------------------------------------------
-- Phases
---------------------------------------------------------------------------------------------

phase "detection"  { title = "Detection",                    at = "0m" }
phase "escalation" { title = "Escalation & coordination",    at = "8h" }
phase "response"   { title = "Response & containment",       at = "26h" }
phase "recovery"   { title = "Recovery & attribution",       at = "48h" }

---------------------------------------------------------------------------------------------
-- Helpers used by the branch logic. Mutable facts live in `state`; timer handles (which are
-- not plain data) live in the local `pending`.
---------------------------------------------------------------------------------------------

local pending = {}

-- Rate an objective once; later calls are ignored.
local function rate(id, ok, note)
  state.rated = state.rated or {}
  if state.rated[id] then return end
  state.rated[id] = ok and "met" or "missed"
  if ok then met(id, note) else missed(id, note) end
end

-- Fire a held inject at most once (several branches can lead to the same inject).
local function fire_once(id, overrides)
  state.fired = state.fired or {}
  if state.fired[id] then return false end
  state.fired[id] = true
  if overrides then fire(id, overrides) else fire(id) end
  return true
end

-- Cancel a pending timer by name, if it is still pending.
local function cancel(name)
  if pending[name] then pending[name]:cancel(); pending[name] = nil end
end

-- Wrap a timer callback so it clears its own `pending` entry before running.
local function later(name, dur, fn)
  cancel(name)
  pending[name] = after(dur, function() pending[name] = nil; fn() end)
end

---------------------------------------------------------------------------------------------
-- PHASE 1: DETECTION (T+0 to about T+8h)
---------------------------------------------------------------------------------------------

inject "grid-siem-alert" {
  at = "30m", phase = "detection", to = "grid-soc",
  from = "Albion Grid SOC, SIEM rule AGT-UC-114",
  title = "Service account logged on interactively to the OT DMZ jump host",
  body = [[
08:30Z. Rule AGT-UC-114 fired on AGT-JMP-02, the OT DMZ jump host at the Wakefield control
centre. Service account svc-histsync, which normally only runs the PI historian sync, logged
on over RDP at 03:12Z from VPN pool address 10.40.7.19. The VPN session came from 198.51.100.23
on contractor account c.morley; its owner is on leave.
Within 40 minutes these commands ran:
- on AGT-DC-01: ntdsutil "ac i ntds" ifm "create full C:\Windows\Temp\pro" q q
- on AGT-JMP-02: netsh interface portproxy add v4tov4 listenport=50100 connectaddress=10.20.4.11 connectport=3389
No malware. EDR scored all of it as "administrative activity". The weekend on-call analyst
needs a decision: report now, or watch quietly and learn more?]],
  tlp = "amber+strict",
  choices = { { "escalate", "Report to NCSC now and preserve logs" },
              { "monitor",  "Monitor quietly for 24h before reporting" } },
  deadline = "1h",
  expect = "Triage; preserve DC and jump-host logs; report to NCSC; brief the CISO",
  objective = "report-early",
}

inject "bank-idp-alert" {
  at = "1h15m", phase = "detection", to = "bank-soc",
  from = "THB Cyber Fusion Centre, identity threat detection",
  title = "MFA fatigue and token replay on three privileged accounts",
  body = [[
09:15Z. Entra ID flagged "anomalous token" sign-ins between 02:40Z and 05:55Z from 198.51.100.87
on adm-ldn-ops3, adm-ldn-ops7 and svc-swiftmon. Each account accepted an MFA push between 02:31Z
and 02:38Z after a burst of 20-30 prompts. A mailbox rule on adm-ldn-ops3 forwards any mail
containing "SWIFT" or "sanctions" to an external address. At 04:10Z (00:10 EDT) adm-ldn-ops3
opened \\nyc-fs-02\PaymentsOps in New York.]],
  tlp = "amber+strict",
  expect = "Revoke sessions and tokens; reset accounts; hunt for persistence; tell THB USA; "
    .. "report to NCSC and NCA; assess personal data (ICO 72h clock)",
}

inject "partner-relay-report" {
  at = "3h", phase = "detection", to = { "uk-ncsc", "us-cisa" },
  from = "Five Eyes partner reporting (ASD's ACSC and CCCS, via liaison officers)",
  title = "SILENT BIRCH relay network active against energy and finance",
  body = [[
The state-sponsored cluster SILENT BIRCH is using a relay network of about 600 compromised
end-of-life SOHO routers and rented VPSs. Its tradecraft matches the 2023–24 joint advisories on
living-off-the-land pre-positioning: valid-account VPN logons, ntdsutil IFM dumps, netsh
portproxy, wevtutil log clearing.
Nodes active in the last 72h: 198.51.100.23, 198.51.100.87 and 203.0.113.77.
The partner has seen victims in energy and finance in more than one country.
TLP:AMBER. You may share with your clients on a need-to-know basis.]],
  tlp = "amber",
  expect = "Hunt national telemetry for the nodes; check whether clients are hit; decide who "
    .. "needs this and at what TLP",
  objective = "share-partner",
}

inject "cisa-jcdc-tip" {
  at = "4h", phase = "detection", to = "us-cisa",
  from = "JCDC partner (US tier-1 ISP), via CISA Central",
  title = "Relay nodes talking to a US bank subsidiary and a UK energy network",
  body = [[
Since Thursday, netflow has shown long-lived TLS sessions:
- from 198.51.100.87 to THB USA's VPN concentrator (192.0.2.10, New York);
- from 198.51.100.23 to addresses in AS64510, registered to Albion Grid Transmission (UK).
The ISP asks that THB USA be told, and that the ISP's name not be passed on.]],
  tlp = "amber",
  expect = "Notify THB USA (a CISA client) without naming the ISP; ask NCSC whether the UK side "
    .. "is known",
  objective = "share-partner",
}

inject "bank-us-anomaly" {
  at = "5h", phase = "detection", to = "bank-us",
  from = "THB USA Security Operations (New York)",
  title = "41 GB left the payments-operations share overnight",
  body = [[
09:00 EDT. DLP logged 41 GB copied from \\nyc-fs-02\PaymentsOps to a newly created external
cloud-storage tenant. The copying ran under London infrastructure admin account adm-ldn-ops3.
The files include wire-instruction templates and a KYC export covering about 58,000 US customers.
London's on-call has not answered two calls.]],
  tlp = "amber+strict",
  expect = "Block the account and the external tenant; coordinate with the London SOC; engage "
    .. "FBI and CISA; legal hold; start the regulatory clocks",
}

-- Only on the "monitor" path: watching gives better intelligence, and a bigger fright.
inject "grid-monitor-findings" {
  phase = "detection", to = "grid-soc",
  from = "Albion Grid SOC threat hunt",
  title = "Actor copied substation diagrams and the vendor access runbook",
  body = [[
Quiet monitoring has paid off, and frightened the team. In the last two hours the actor, as
svc-histsync, browsed \\agt-fs-03\Engineering\Substations\. It copied single-line diagrams
and the runbook for AGT-RAS-01, the gateway the relay-protection vendor uses to reach
substation HMIs. It also ran "wevtutil cl Security" on AGT-JMP-02. The deputy CISO asks again:
do we tell NCSC now?]],
  tlp = "amber+strict",
  choices = { { "report",  "Report to NCSC now" },
              { "monitor", "Keep watching until Monday's change board" } },
  deadline = "1h",
  expect = "Report to NCSC at once",
  objective = "report-early",
}

-- Contingency: steers play back if NCSC has heard nothing from Albion by T+8h.
inject "ncsc-own-detection" {
  contingency = true, phase = "detection", to = { "uk-ncsc", "grid-soc" },
  from = "NCSC Threat Intelligence (relay matching)",
  title = "NCSC telemetry: Albion Grid talking to SILENT BIRCH relays",
  body = [[
Matching the partner relay list against NCSC telemetry shows 198.51.100.23 making repeated VPN
sessions to Albion Grid Transmission's remote-access range (AS64510) since 03:10Z today.
Albion is an operator of essential services and has not reported anything. The NCSC duty
incident manager is calling Albion's CISO now.]],
  tlp = "amber",
  expect = "NCSC engages Albion and gets a report; Albion explains why it had not reported",
  notes = "Controller: the script fires this at T+8h if Albion has not reported; fire it by hand earlier if play stalls.",
  objective = "report-early",
}

-- The report itself, whichever way NCSC hears of it. NCSC decides the category.
inject "grid-ncsc-report" {
  phase = "detection", to = "uk-ncsc",
  from = "Albion Grid Transmission CISO (NCSC incident report form)",
  title = "Incident report: unauthorised access to Albion Grid OT DMZ",
  body = [[
Albion Grid Transmission (NIS operator of essential services, electricity) reports unauthorised
access to its OT DMZ. The actor came in through a compromised contractor VPN account from
198.51.100.23 and used only built-in tools (ntdsutil, netsh portproxy, RDP); the AD database
was probably copied from AGT-DC-01. No impact on supply. Logs are preserved. We ask for NCSC
incident management support and an assured CIR provider. We have not yet notified Ofgem or
DESNZ.]],
  tlp = "amber",
  choices = { { "cat2", "Category 2: highly significant (essential service)" },
              { "cat3", "Category 3: significant; handle with the victim" } },
  deadline = "1h",
  expect = "Assign a category; open an incident; brief DESNZ as lead government department; "
    .. "task threat intelligence",
  objective = "situational",
}

-- Phase 1 logic ----------------------------------------------------------------------------

local function ncsc_learns(how)
  if state.ncsc_aware then return end
  state.ncsc_aware = now()
  state.ncsc_learned_via = how
  log("NCSC is aware of the Albion intrusion (" .. how .. ")")
  if how == "own detection" then
    -- Albion confirms an hour after NCSC's call.
    later("albion-confirms", "1h", function()
      fire_once("grid-ncsc-report", { title = "Albion Grid confirms intrusion after NCSC call" })
    end)
  else
    fire_once("grid-ncsc-report")
  end
end

-- D1: report now, or watch.
on("decision", "grid-siem-alert", function(d)
  if state.soc_choice then                -- the deadline already passed: a late call
    if d.choice == "escalate" then ncsc_learns("late report by Albion SOC") end
    return
  end
  state.soc_choice = d.choice
  if d.choice == "escalate" then
    rate("report-early", not d.late, string.format("Albion reported %d minutes after the alert",
         math.floor((d.t - 30 * 60) / 60)))
    ncsc_learns("report by Albion SOC")
  else
    -- Monitoring: the actor keeps working and the SOC sees more of it.
    log("Albion SOC chose to monitor quietly rather than report")
    later("monitor-findings", "3h", function() fire_once("grid-monitor-findings") end)
  end
end)

on("timeout", "grid-siem-alert", function(ev)
  state.soc_choice = "none"
  rate("report-early", false, "SIEM alert sat unanswered past its one-hour deadline")
end)

on("decision", "grid-monitor-findings", function(d)
  if d.choice == "report" then
    rate("report-early", false, "Albion reported only after further monitoring")
    ncsc_learns("late report by Albion SOC")
  else
    -- More time for the actor's OT reconnaissance: an HMI session, if it comes, comes sooner.
    state.monitor_extended = true
    rate("report-early", false, "Albion kept monitoring after seeing OT reconnaissance")
    log("Albion SOC keeps watching; actor completes OT reconnaissance")
  end
end)

on("timeout", "grid-monitor-findings", function(ev)
  state.monitor_extended = true
  rate("report-early", false, "no decision on the hunt findings")
end)

-- Contingency: if NCSC still knows nothing at T+8h, its own telemetry finds Albion.
at("8h", function()
  if not state.ncsc_aware then
    fire_once("ncsc-own-detection")
    rate("report-early", false, "NCSC found the intrusion itself")
    ncsc_learns("own detection")
  end
end)

---------------------------------------------------------------------------------------------
-- PHASE 2: ESCALATION & COORDINATION (about T+8h to T+26h)
---------------------------------------------------------------------------------------------

inject "ncsc-share" {
  phase = "escalation", to = "uk-ncsc",
  from = "NCSC Threat Intelligence duty analyst",
  title = "CISA asks whether the UK has seen the relay nodes",
  body = [[
Albion's indicators overlap the partner relay list: 198.51.100.23 and portproxy port 50100
match SILENT BIRCH reporting. Confidence in the actor is moderate. Open-source chatter ties the
same relay family (198.51.100.87) to a UK bank. CISA Central, through the liaison officer, asks
whether the UK has seen these nodes. We can share Albion-derived indicators and hunting queries
now, without naming Albion, or wait for a firmer assessment (GCHQ estimate: 24-48h).]],
  tlp = "amber+strict",
  choices = { { "amber",  "Share with CISA now at TLP:AMBER" },
              { "strict", "Share with CISA at TLP:AMBER+STRICT (CISA only)" },
              { "wait",   "Hold until attribution confidence is higher" } },
  deadline = "1h",
  expect = "Share actionable, victim-sanitised indicators at a TLP that lets CISA reach the "
    .. "affected US entities",
  objective = "share-partner",
}

-- Contingency: partner pressure if NCSC holds its indicators.
inject "partner-pressure" {
  contingency = true, phase = "escalation", to = "uk-ncsc",
  from = "NCSC Director of Operations",
  title = "CISA: \"We need them in hours, not days\"",
  body = [[
CISA's Executive Assistant Director for Cybersecurity has just called me. A JCDC partner has tied
the same relay nodes to the US subsidiary of a UK bank, and CISA believes we hold matching
indicators. Their words: "We need them in hours, not days." Attribution can follow. Share now,
and tell me what TLP you used.]],
  tlp = "amber+strict",
  choices = { { "amber",  "Share with CISA now at TLP:AMBER" },
              { "strict", "Share with CISA now at TLP:AMBER+STRICT" } },
  deadline = "1h",
  expect = "Share at once at TLP:AMBER; repair the relationship at working level",
  objective = "share-partner",
}

inject "cisa-match" {
  phase = "escalation", to = "us-cisa",
  from = "CISA Threat Hunting",
  title = "NCSC indicators match THB USA",
  body = [[
The indicators NCSC has shared match THB USA. The concentrator logs from the JCDC tip show
198.51.100.87 authenticating as adm-ldn-ops3 and 198.51.100.23 probing the same device.
NCSC shared at TLP:AMBER, so you may pass them to THB USA, a CISA client, on a need-to-know
basis. Recommend a call with THB USA and the FBI within the hour.]],
  tlp = "amber",
  expect = "Pass the indicators to THB USA and the FBI; offer a joint hunt",
  objective = "share-partner",
}

inject "bank-us-hunt-hit" {
  phase = "escalation", to = { "bank-us", "bank-soc" },
  from = "THB USA threat hunting (using government-provided indicators)",
  title = "Same actor in London and New York since Thursday",
  body = [[
The indicators we were given found two things. A netsh portproxy on nyc-jump-01 (listen 50100,
forwarding to 10.60.2.15:3389). A copy of ntds.dit staged in C:\Windows\Temp\pro on nyc-dc-02,
dated Thursday 22:14Z. The actor has been in both estates since at least Thursday.
Recommendation: evict in London and New York at the same moment (reset krbtgt twice, revoke
all privileged tokens, rotate service accounts) so that the actor cannot hop back.]],
  tlp = "amber",
  expect = "Coordinate one eviction across both estates; report to FBI and NCA; keep "
    .. "regulators informed",
}

inject "fbi-ncijtf" {
  at = "10h", phase = "escalation", to = "us-fbi",
  from = "NCIJTF watch floor",
  title = "NCIJTF coordination file opened on SILENT BIRCH",
  body = [[
NCIJTF has opened a coordination file on SILENT BIRCH. CISA Central reports that the US
subsidiary of a UK bank is probably affected; the New York Field Office has the victim lead.
The Legal Attaché in London has asked the NCA's NCCU to deconflict. Threat-response actions to
consider: victim engagement alongside CISA, preservation letters, legal process for the US VPS
nodes, and whether a court order could neutralise the relay routers.]],
  tlp = "amber+strict",
  expect = "Open a case; deconflict with NCA through the Legat; engage THB USA together with CISA",
}

-- D3: the visibility-versus-containment dilemma.
inject "grid-ot-access" {
  at = "14h", phase = "escalation", to = "grid-soc",
  from = "Albion Grid OT security lead (with the NCSC-assured CIR provider)",
  title = "Actor credentials found on the vendor remote-access gateway",
  body = [[
The hunt found svc-histsync credentials cached on AGT-RAS-01. That is the gateway the
relay-protection vendor uses to reach HMIs at 11 substations, Calder Moor 275 kV among them.
No sign yet of OT commands.
Option A: cut the gateway and the IT/OT conduit now. Three substations then need staff on site
for switching, and we lose sight of the attacker.
Option B: keep the gateway up under full packet capture, learn the actor's intent, and evict
everything at once.
NCSC's view: the tradecraft fits pre-positioning, not imminent disruption.]],
  tlp = "amber+strict",
  choices = { { "isolate", "Cut vendor remote access now; switch manually on site" },
              { "keep",    "Keep AGT-RAS-01 up under packet capture for visibility" } },
  deadline = "1h",
  expect = "Put safety and supply first; decide with NCSC's advice; tell DESNZ and Ofgem; "
    .. "record the reasons",
  objective = "protect-ot",
}

inject "actor-reacts" {
  phase = "escalation", to = { "grid-soc", "uk-ncsc" },
  from = "Albion Grid SOC",
  title = "Actor noticed the isolation and is trying to get back in",
  body = [[
Two hours after the gateway went dark, the actor made 14 VPN logon attempts from two new relay
nodes (192.0.2.41 and 192.0.2.77), using three other contractor accounts. Before we cut them
off it ran "wevtutil cl" on two IT servers. They know we've seen them. NCSC Threat
Intelligence warns that the actor may burn infrastructure, or move faster against its other
victims.]],
  tlp = "amber",
  expect = "Reset all contractor credentials; share the new nodes; warn partners that the actor "
    .. "is alerted",
}

inject "ot-isolation-holds" {
  phase = "escalation", to = { "grid-soc", "uk-ncsc" },
  from = "Albion Grid control centre",
  title = "OT isolation complete; no loss of supply",
  body = [[
Remote access to OT is cut and no supply was lost. Field staff at Calder Moor, Lister Edge and
Brannock are switching manually. Traffic to 198.51.100.23 stopped with no sign that the actor
noticed: no burst of logons, no log clearing. Ofgem and DESNZ have been told by phone.]],
  tlp = "amber",
  expect = "Plan eviction of IT persistence; sustain manual operations; confirm to Ofgem in "
    .. "writing",
}

inject "ot-hmi-anomaly" {
  phase = "escalation", to = { "grid-soc", "uk-ncsc" },
  from = "Calder Moor 275 kV control room",
  title = "Remote session opened the substation breaker-control screens",
  body = [[
An operator watched the relay-protection HMI open on its own, step through the breaker-control
screens and the protection-settings page, and close again. No command was sent. The session
came through AGT-RAS-01 as vendor account rps-support2. The shift manager pulled the gateway's
network cable. This is the Ukraine 2015 pattern: access to, and reconnaissance of, breaker
control.]],
  tlp = "amber",
  expect = "Isolate now; verify protection settings before any switching; re-grade; brief "
    .. "ministers, DESNZ and Ofgem",
  objective = "protect-ot",
}

inject "ucg-stand-up" {
  at = "16h", phase = "escalation", to = { "us-cisa", "us-fbi" },
  from = "National Security Council, Cyber Directorate",
  title = "Cyber UCG convened under PPD-41 (Level 3, High)",
  body = [[
The NSC has judged the SILENT BIRCH activity against a US bank subsidiary and UK partners to
be a significant cyber incident (severity Level 3, High). A Cyber Unified Coordination Group
meets by secure video at 22:00 EDT tonight. Lines of effort: threat response (FBI), asset
response (CISA), intelligence support (ODNI). Treasury (finance SRMA) and DOE (energy SRMA)
will attend. Each agency brings one slide: what you know, what you have shared with UK
partners, and at what TLP.]],
  tlp = "amber",
  expect = "Attend the UCG; confirm the lines-of-effort leads; align with NCSC and NCA",
}

inject "nca-hosting-lead" {
  at = "18h", phase = "escalation", to = "uk-nca",
  from = "NCA NCCU intelligence cell",
  title = "Relay node 203.0.113.77 rented from a Manchester reseller",
  body = [[
203.0.113.77 is a VPS rented on Wednesday from a Manchester reseller. It was paid for in
Monero through an account opened with a stolen identity. The reseller will comply with a
production order and can image the VM quietly. The FBI Legal Attaché asks whether we can act at
the same time as their action against the US VPS nodes. A takedown now would tip off the
actor.]],
  tlp = "amber+strict",
  expect = "Seek a production order and a covert image; agree timing with FBI, NCSC and the "
    .. "victims; do not tip off the actor",
}

inject "doe-ceser" {
  at = "20h", phase = "escalation", to = "us-cisa",
  from = "DOE CESER (energy SRMA)",
  title = "Same vendor gateway at about 40 US utilities",
  body = [[
The gateway model at Albion (RPS-Connect 4.x) is deployed at an estimated 40 US transmission
and distribution utilities. Can CISA push a TLP:GREEN alert with the hunting queries to the
sector through E-ISAC tonight, without identifying the UK victim? If the queries came from NCSC
under AMBER, we will need their permission first.]],
  tlp = "amber",
  expect = "Draft a TLP:GREEN sector alert; ask NCSC's permission to relabel; protect the "
    .. "victim's identity",
}

-- D5: press office.
inject "media-query" {
  at = "22h", phase = "escalation", to = "press",
  from = "BBC News cyber correspondent (phone)",
  title = "BBC: \"Is there a risk to power supplies?\"",
  body = [[
06:00Z Sunday. "We've been sent a screenshot of an internal Albion Grid email telling substation
staff to switch to manual because of a cyber incident. A post on X with 40,000 shares says
blackouts are coming across the North. Is NCSC aware? Is there a risk to power supplies? We're
going live on the 07:00 bulletin."]],
  tlp = "clear",
  choices = { { "holding", "Issue the agreed holding statement" },
              { "decline", "Decline to comment" } },
  deadline = "1h",
  expect = "Holding line agreed with Albion and DESNZ: aware, supporting, no impact on supply; "
    .. "no attribution, no technical detail",
  objective = "public-info",
}

inject "social-rumour" {
  phase = "escalation", to = "press",
  from = "Government press office media monitoring",
  title = "#NorthernBlackout trending; fake NESO notice circulating",
  body = [[
#NorthernBlackout is trending. A fake "NESO emergency notice" claims rolling blackouts across
Yorkshire and Lancashire from 18:00 tonight. Supermarkets report runs on batteries and candles.
Calls to 105, the power-cut line, are swamping network operators' call centres. The BBC is now
reporting that NCSC and Albion "declined to comment".]],
  tlp = "clear",
  expect = "Rebut with DESNZ, NESO and Albion: facts on supply; report the fake notice to the "
    .. "platforms",
  objective = "public-info",
}

-- Contingency: Cabinet Office steps in when NCSC kept the incident at Category 3.
inject "cabinet-office-query" {
  contingency = true, phase = "escalation", to = "uk-ncsc",
  from = "Cabinet Office, COBR Unit",
  title = "Why is a state actor in the grid a Category 3?",
  body = [[
DESNZ officials heard from Ofgem, not from NCSC, that a state actor is in a transmission
operator's OT DMZ. The Deputy National Security Adviser asks why this is being treated as
Category 3. Please consider re-grading to Category 2 before COBR (officials) meets.]],
  tlp = "amber",
  expect = "Re-grade or justify the category; brief DESNZ as lead department; prepare the COBR "
    .. "sitrep",
  objective = "situational",
}

inject "cobr-sitrep" {
  phase = "escalation", to = "uk-ncsc",
  from = "Cabinet Office, COBR Unit",
  title = "One-page sitrep for COBR (officials) within the hour",
  body = [[
COBR (officials), chaired by the Deputy NSA, meets in one hour. DESNZ is lead government
department; HM Treasury and the Bank of England will attend because of the bank. We need one
page from NCSC covering:
- what has happened;
- the impact on supply and on the bank;
- what the UK and US are doing;
- the decisions ministers must take (public statement, attribution timing);
- lines to take.]],
  tlp = "amber",
  choices = { { "brief", "Send the one-page sitrep on time" },
              { "defer", "Ask to defer until the OT hunt reports" } },
  deadline = "1h",
  expect = "Sitrep on time; separate what is known from what is assessed; list the decisions "
    .. "needed",
  objective = "situational",
}

-- Phase 2 logic ----------------------------------------------------------------------------

-- Tell the bank's US arm what the government knows, `secs` from now. A faster route
-- (for example a late share at AMBER) replaces a slower one already planned.
local HOUR = 3600
local function warn_bank(secs, from)
  local when = now() + secs
  if state.bank_warned or (state.bank_warn_at and state.bank_warn_at <= when) then return end
  state.bank_warn_at = when
  later("warn-bank", secs, function()
    state.bank_warned = now()
    log("THB USA hunts with government indicators")
    if from then fire_once("bank-us-hunt-hit", { from = from })
    else fire_once("bank-us-hunt-hit") end
  end)
end

local FBI_ROUTE = "THB USA threat hunting (using FBI-provided indicators)"

local function ask_ncsc_to_share()
  if state.share_asked then return end
  state.share_asked = true
  -- CISA asks after its own JCDC tip (T+4h), so never before T+4h30m.
  later("share-ask", math.max(30 * 60, 4 * HOUR + 30 * 60 - now()), function()
    fire_once("ncsc-share")
  end)
end

-- D2: category, from report or timeout.
local function categorise(cat)
  state.category = cat
  if cat == 2 then
    log("NCSC declares a Category 2 incident")
    cancel("cabinet-query")
    later("cobr", "3h", function() fire_once("cobr-sitrep") end)
  else
    -- Category 3 (or none): the Cabinet Office hears about it sideways eight hours later.
    later("cabinet-query", "8h", function()
      fire_once("cabinet-office-query")
      later("cobr", "1h", function() fire_once("cobr-sitrep") end)
    end)
  end
end

on("decision", "grid-ncsc-report", function(d)
  if state.category then            -- late, after the timeout defaulted to Category 3
    if d.choice == "cat2" then categorise(2) end
    return
  end
  categorise(d.choice == "cat2" and 2 or 3)
  ask_ncsc_to_share()
end)

on("timeout", "grid-ncsc-report", function(ev)
  log("NCSC left the Albion report uncategorised past its deadline")
  categorise(3)
  ask_ncsc_to_share()
end)

-- D3: share now (and at what TLP), or wait.
local function share_effects(choice, late)
  state.share = choice
  cancel("partner-pressure")
  if choice == "amber" then
    log("NCSC shares indicators with CISA at TLP:AMBER")
    rate("share-partner", not late, "shared at TLP:AMBER")
    fire_once("cisa-match")
    warn_bank(1 * HOUR)
  else
    log("NCSC shares indicators with CISA at TLP:AMBER+STRICT")
    rate("share-partner", not late, "shared at AMBER+STRICT; CISA had to ask before telling THB USA")
    fire_once("cisa-match", { body = [[
The indicators NCSC has shared match THB USA: 198.51.100.87 authenticating as adm-ldn-ops3 and
198.51.100.23 probing the same concentrator. NCSC labelled them TLP:AMBER+STRICT, so you may
not pass them to THB USA, even though it is your client, without NCSC's permission. Ask NCSC
to relabel, or to approve a sanitised version.]] })
    warn_bank(6 * HOUR)   -- the time it takes to ask for, and get, permission at a weekend
  end
end

on("decision", "ncsc-share", function(d)
  if d.choice ~= "wait" then share_effects(d.choice, d.late) return end
  if state.share then return end   -- a late "wait" after the timeout changes nothing
  state.share = "wait"
  rate("share-partner", false, "NCSC held indicators pending attribution")
  later("partner-pressure", "4h", function() fire_once("partner-pressure") end)
  -- The bank hears eventually, from the FBI's own work with THB USA.
  warn_bank(18 * HOUR, FBI_ROUTE)
end)

-- The contingency carries the same choice again (late, so the objective stays missed).
on("decision", "partner-pressure", function(d)
  if state.share == "wait" then share_effects(d.choice, true) end
end)

on("timeout", "partner-pressure", function(ev)
  log("NCSC still holding indicators; CISA relies on the FBI's route to THB USA")
end)

on("timeout", "ncsc-share", function(ev)
  state.share = "wait"
  rate("share-partner", false, "no sharing decision within the hour")
  later("partner-pressure", "2h", function() fire_once("partner-pressure") end)
  warn_bank(18 * HOUR, FBI_ROUTE)
end)

-- D4: isolate OT remote access, or keep it for visibility.
local function isolate(late)
  state.ot = "isolated"
  cancel("hmi")
  rate("protect-ot", not late, late and "isolated after the deadline" or "vendor access cut in time")
  if random(100) <= 40 then
    -- Planners: 40% chance the actor notices; it then moves faster against the bank.
    state.actor_alerted = true
    log("Actor noticed the OT isolation")
    later("actor-reacts", "2h", function() fire_once("actor-reacts") end)
  else
    later("isolation-holds", "3h", function() fire_once("ot-isolation-holds") end)
  end
end

local function keep_access()
  state.ot = "kept"
  -- Sooner if the SOC also kept watching in phase 1: the OT reconnaissance is already done.
  local wait_for = state.monitor_extended and "4h" or "8h"
  later("hmi", wait_for, function()
    state.ot = "hmi-session"
    fire_once("ot-hmi-anomaly")
    rate("protect-ot", false, "actor reached a substation HMI through the kept gateway")
    log("Actor opened breaker-control screens at Calder Moor")
    -- A session in a substation HMI forces the question of category.
    if state.category ~= 2 then
      cancel("cabinet-query")
      fire_once("cabinet-office-query")
      later("cobr", "1h", function() fire_once("cobr-sitrep") end)
    end
  end)
end

on("decision", "grid-ot-access", function(d)
  if state.ot == "isolated" or state.ot == "hmi-session" then return end
  if d.choice == "isolate" then isolate(d.late)
  elseif not state.ot then keep_access() end
end)

on("timeout", "grid-ot-access", function(ev)
  log("No OT decision by the deadline: the gateway stays up by default")
  keep_access()
end)

-- D5: holding statement, or decline to comment.
on("decision", "media-query", function(d)
  if d.choice == "holding" then
    cancel("rumour")
    state.press = "holding"
    rate("public-info", not d.late, "holding statement issued")
  elseif not state.press then
    state.press = "declined"
    rate("public-info", false, "declined to comment; the rumour filled the gap")
    later("rumour", "3h", function() fire_once("social-rumour") end)
  end
end)

on("timeout", "media-query", function(ev)
  state.press = "silent"
  rate("public-info", false, "no reply before the bulletin")
  later("rumour", "3h", function() fire_once("social-rumour") end)
end)

on("decision", "cobr-sitrep", function(d)
  state.sitrep = d.choice
  if d.choice == "brief" then
    rate("situational", not d.late, "sitrep delivered")
  else
    rate("situational", false, "COBR met without NCSC's picture")
    log("COBR (officials) meets without an NCSC sitrep")
  end
end)

on("timeout", "cobr-sitrep", function(ev)
  state.sitrep = "none"
  rate("situational", false, "no sitrep before COBR met")
end)

---------------------------------------------------------------------------------------------
-- PHASE 3: RESPONSE & CONTAINMENT (about T+26h to T+48h)
---------------------------------------------------------------------------------------------

inject "ofgem-nis" {
  at = "26h", phase = "response", to = "grid-soc",
  from = "Ofgem and DESNZ (NIS competent authority)",
  title = "NIS Regulations: initial notification requested",
  body = [[
An operator of essential services must notify us within 72 hours of becoming aware of an
incident with a significant impact on the continuity of the essential service. Even if you
judge that there has been no such impact so far, we expect a notification. NCSC tells us you
are handling an incident. Please send today an initial notification (nature, systems affected,
impact on supply, mitigations) and a named contact.]],
  tlp = "amber",
  expect = "Send the initial NIS notification; note that the 72h clock started at awareness on "
    .. "Saturday morning",
}

-- D6: the extortion demand. The process below decides when it arrives and what follows.
inject "bank-extortion" {
  phase = "response", to = { "bank-soc", "bank-us" },
  from = "THB Group General Counsel (forwarding an email to the Group CEO)",
  title = "SABLE LEDGER demands 40 BTC",
  body = [[
A group calling itself SABLE LEDGER says it holds 1.2 TB of THB data, including KYC files on
58,000 US customers and London treasury mailboxes. It has posted a file list on a Tor leak
site. Demand: 40 BTC to bc1q7k...r9e2 within 72 hours, or the data is published and sent to
journalists. The email came from a Proton address; the leak site sits behind 203.0.113.77, one
of the relay nodes. The board meets in an hour and must decide within two.]],
  tlp = "amber",
  choices = { { "refuse",    "Refuse; hand everything to NCA and FBI" },
              { "negotiate", "Open a channel to buy time, under NCA/FBI guidance" },
              { "pay",       "Pay to stop the leak" } },
  deadline = "2h",
  expect = "Engage NCA and FBI; screen for sanctions (OFAC/OFSI); involve the insurer; note the "
    .. "planned (not yet law) UK ban on CNI payments; prepare notifications",
  objective = "extortion",
}

inject "insurer-contact" {
  phase = "response", to = "bank-soc",
  from = "THB's cyber insurer (claims team)",
  title = "Policy conditions: panel firm, evidence, consent before payment",
  body = [[
We have been told of a potential claim. Under the policy you must use a panel incident-response
firm, preserve evidence, and have our written consent before any payment to, or negotiation
with, the extortionist. We would need a sanctions screen of the wallet before we could consider
any payment.]],
  tlp = "amber+strict",
  expect = "Notify under the policy; align the panel firm with the CIR provider; bring the "
    .. "insurer into the decision",
}

inject "le-extortion-brief" {
  phase = "response", to = { "uk-nca", "us-fbi" },
  from = "NCA NCCU and FBI New York (joint intelligence note)",
  title = "SABLE LEDGER: a criminal face on a state operation?",
  body = [[
SABLE LEDGER has no history. Its leak site went live on Friday, and THB is its only "victim".
The site sits behind 203.0.113.77, the same relay used in SILENT BIRCH's state-sponsored
activity. Either the state actor is monetising (or disguising) its access, or a contractor is
moonlighting. Either way this is a state-linked case with a criminal face. The bank will ask
what you advise on payment.]],
  tlp = "amber",
  expect = "Advise against payment; agree the timing of any seizure or takedown; preserve "
    .. "evidence; consider sanctions exposure",
  objective = "extortion",
}

inject "fbi-tracing" {
  phase = "response", to = "us-fbi",
  from = "THB USA General Counsel",
  title = "Negotiation transcript and wallet for tracing",
  body = [[
As your agents suggested, we opened a chat with SABLE LEDGER on their Tor portal to buy time.
Attached: the transcript (they have already dropped to 25 BTC), the wallet bc1q7k...r9e2, and
their "proof" file tree. We will not pay without the FBI's and the NCA's view. Can you trace the
wallet, and tell us whether it is sanctioned?]],
  tlp = "amber",
  expect = "Trace the wallet on-chain; check the OFAC SDN list; time a leak-site takedown with "
    .. "the NCA's order on 203.0.113.77",
  objective = "extortion",
}

inject "ofac-check" {
  phase = "response", to = { "bank-soc", "bank-us" },
  from = "THB Financial Crime Compliance",
  title = "Payment blocked: wallet cluster matches sanctioned addresses",
  body = [[
Sanctions screening matched the wallet's cluster to addresses that OFAC (and OFSI in the UK)
list for a front company of the hostile state's intelligence services. Paying could breach US
and UK sanctions. OFAC's 2021 advisory counts early reporting to and cooperation with law
enforcement as mitigating factors. The payment is on hold until the board decides again.]],
  tlp = "amber",
  expect = "Stop the payment; self-report to OFAC and OFSI; engage FBI and NCA; inform PRA/FCA "
    .. "and NYDFS",
  objective = "extortion",
}

inject "leak-sample" {
  phase = "response", to = { "bank-soc", "bank-us" },
  from = "THB threat intelligence (dark-web monitoring)",
  title = "SABLE LEDGER posts a 2 GB sample",
  body = [[
SABLE LEDGER has posted a 2 GB "sample" on its leak site: KYC scans and account numbers for
about 3,100 US and UK customers, plus 40 emails from the London treasury team. A copy is
mirrored on a paste site. Two journalists have emailed us.]],
  tlp = "amber",
  expect = "ICO notification within 72h; NYDFS and state notifications; tell customers; consider "
    .. "an injunction; takedown through NCA and FBI",
}

inject "media-bank-query" {
  phase = "response", to = "press",
  from = "Reuters (email)",
  title = "Reuters: bank leak and grid incident linked?",
  body = [[
"We're reporting that a group called SABLE LEDGER has posted customer data from Thameside Hudson
Bank, and that the same hackers are behind a cyber incident at a UK power company. Can NCSC
confirm the two are linked? Has the bank paid a ransom? Is a foreign state behind it?"]],
  tlp = "clear",
  expect = "Coordinate with THB, NCA and the FBI; confirm only what is public; do not attribute "
    .. "ahead of the agreed joint process",
  objective = "public-info",
}

inject "pra-fca-query" {
  at = "36h", phase = "response", to = "bank-soc",
  from = "PRA supervisor (with the FCA)",
  title = "Regulators want a briefing before markets open",
  body = [[
We understand that THB is handling a cyber incident involving data exfiltration. Banking is
outside UK NIS, but we expect notification under PRA Fundamental Rule 7 and FCA Principle 11.
Please brief us within four hours on:
- impact on important business services, against your impact tolerances;
- customer data affected;
- any extortion demand, and whether you intend to pay;
- your US regulatory notifications.]],
  tlp = "amber",
  expect = "Brief the PRA and FCA; state the position on impact tolerances; align with the US arm",
}

inject "nydfs-clock" {
  at = "38h", phase = "response", to = "bank-us",
  from = "THB USA Compliance",
  title = "US notification clocks are running",
  body = [[
Clocks that are now running:
- NYDFS (23 NYCRR 500.17): notice within 72 hours of determining that a cybersecurity incident
  has occurred. Our clock started when the hunt confirmed the intrusion.
- NYDFS, extortion payments: a separate notice within 24 hours of any payment.
- Federal banking agencies: our primary regulator expects notice within 36 hours under the
  computer-security incident notification rule.]],
  tlp = "amber+strict",
  expect = "File the notices; keep them consistent with London's PRA/FCA and ICO notifications",
}

-- Phase 3 logic: the extortion line as one process on the virtual clock -------------------

-- Publish the leak sample `dur` from now (once), and the press question two hours after.
local function leak_after(dur)
  if state.leak_planned then return end
  state.leak_planned = true
  later("leak", dur, function()
    fire_once("leak-sample")
    log("Customer data sample published")
    later("leak-press", "2h", function() fire_once("media-bank-query") end)
  end)
end

process(function()
  wait("28h")
  -- An alerted actor (it noticed the OT isolation) cashes in six hours sooner.
  if not state.actor_alerted then wait("6h") end

  -- The actor's big pull from THB ran on Saturday evening (T+10h onwards). If THB USA was
  -- hunting with government indicators before then, the joint eviction beat it and the actor
  -- holds far less. In practice: Albion reported on time AND NCSC shared at TLP:AMBER.
  local early = state.bank_warned and state.bank_warned < 10 * HOUR
  state.bank_early = early and true or false
  if early then
    fire("bank-extortion", { body = [[
A group calling itself SABLE LEDGER says it holds 180 GB of THB data, including KYC files on
US customers. "You reset our accounts on Saturday, but we were faster." It has posted a file
list on a Tor leak site. Demand: 40 BTC to bc1q7k...r9e2 within 72 hours, or the data is
published. The leak site sits behind 203.0.113.77, one of the relay nodes. The board meets in
an hour and must decide within two.]] })
  else
    fire("bank-extortion")
  end
  log(early and "SABLE LEDGER extortion: 180 GB, the early joint eviction limited the theft"
        or "SABLE LEDGER extortion: 1.2 TB, THB USA hunted too late to stop the Saturday pull")
  later("insurer", "1h", function() fire_once("insurer-contact") end)
  later("le-brief", "2h", function() fire_once("le-extortion-brief") end)

  local d = await("bank-extortion", "2h")
  if not d then
    state.extortion = "none"
    rate("extortion", false, "no board decision by the deadline")
    log("No decision from THB: SABLE LEDGER publishes a sample to push the board")
    leak_after("1h")
    d = await("bank-extortion")       -- a late decision still shapes what follows
  end
  if d.choice == "refuse" then
    state.extortion = "refused"
    rate("extortion", not d.late, "refused, with NCA and FBI engaged")
    leak_after("8h")
  elseif d.choice == "negotiate" then
    -- Buying time lets law enforcement take the leak site down before anything is posted.
    state.extortion = "negotiated"
    rate("extortion", not d.late, "engaged to buy time under LE guidance; no payment")
    fire_once("fbi-tracing")
    after("14h", function() log("NCA and FBI take down the SABLE LEDGER leak site") end)
  else
    state.extortion = "paid"
    rate("extortion", false, "the board chose to pay")
    fire_once("ofac-check")
    -- Payment stalls on sanctions; half the time the actor loses patience and leaks anyway.
    if random(100) <= 50 then leak_after("6h") end
  end
end)

---------------------------------------------------------------------------------------------
-- PHASE 4: RECOVERY & ATTRIBUTION (T+48h to T+72h)
---------------------------------------------------------------------------------------------

inject "grid-restoration" {
  at = "48h", phase = "recovery", to = "grid-soc",
  from = "Albion Grid CIO",
  title = "Recovery plan for board approval",
  body = [[
Recovery plan for board approval:
- rebuild tier 0 (new DCs; reset krbtgt twice, 12 hours apart);
- rotate every service and contractor account;
- replace AGT-RAS-01 with a brokered vendor-access service that needs approval for each session;
- return the manually switched substations to remote control one at a time, after checking
  protection settings against the golden copies.
This is about eight days' work. NCSC asks that we keep forensic images for the NCA.]],
  tlp = "amber+strict",
  expect = "Approve a phased recovery; verify protection settings; keep evidence; update Ofgem",
}

-- D7: attribution timing.
inject "attribution" {
  at = "54h", phase = "recovery", to = { "uk-ncsc", "us-cisa" },
  from = "FCDO Cyber Policy Department and NSC Cyber Directorate (joint note)",
  title = "Joint attribution: now, advisory only, or hold?",
  body = [[
Ministers and the NSC want a joint position before tomorrow's media cycle. GCHQ and the US
intelligence community now assess it "highly likely" that SILENT BIRCH acts for the hostile
state's intelligence services, and "likely" that SABLE LEDGER is a front for it. Options:
(a) joint UK–US attribution, with a technical advisory co-sealed by the Five Eyes;
(b) an advisory with hunting guidance but no attribution;
(c) hold everything until both victims confirm eviction.
Allies need 24 hours' notice to co-seal. The NSC deputies' call with No 10 and the FCDO is at
15:00Z: we need the technical leads' recommendation by then.]],
  tlp = "red",
  choices = { { "now",      "Attribute jointly now, with a Five Eyes advisory" },
              { "advisory", "Publish a joint technical advisory; attribute later" },
              { "wait",     "Hold all public statements until eviction is complete" } },
  deadline = "1h",
  expect = "Recommend a position that weighs protecting victims, tipping off the actor and "
    .. "warning others; agree wording and confidence levels with the partner",
  objective = "attribution",
}

inject "joint-advisory" {
  phase = "recovery", to = ALL,
  from = "NCSC and CISA (joint publication)",
  title = "Joint advisory AA26-075A: SILENT BIRCH attributed",
  body = [[
The UK and US, with Five Eyes partners, judge it highly likely that SILENT BIRCH is sponsored by
the hostile state's intelligence services. It has pre-positioned in energy and financial
networks. The advisory gives detection guidance (netsh portproxy, ntdsutil IFM, valid-account
VPN logons, wevtutil log clearing), relay indicators, and advice on vendor remote access to OT:
brokered access, phishing-resistant MFA, and approval for each session.]],
  tlp = "clear",
  expect = "Push the advisory to sectors and clients; consistent lines on both sides of the "
    .. "Atlantic",
  objective = "attribution",
}

-- Contingency: holding too long means someone else tells the story.
inject "attribution-leak" {
  contingency = true, phase = "recovery", to = { "press", "uk-ncsc", "us-cisa" },
  from = "The Washington Post (published story)",
  title = "\"US officials: state hackers in British grid and US bank\"",
  body = [[
The story quotes two unnamed US officials and names SILENT BIRCH and the hostile state. No
allied agreement came first. Press desks in both capitals are being asked why the public heard
it from a newspaper, and whether the grid is safe.]],
  tlp = "clear",
  expect = "Agree coordinated lines at once; bring forward a joint statement; manage the "
    .. "allies who were not consulted",
  objective = "attribution",
}

inject "endex" {
  at = "71h", phase = "recovery", to = ALL,
  from = "Exercise Control",
  title = "ENDEX approaching",
  body = [[
Play stops at T+71:45. Close your open actions, send a final situation report to your lead
(NCSC or the Cyber UCG), and note one thing that worked and one that did not, for the hot wash.]],
  tlp = "clear",
  expect = "Close out actions; final sitrep",
}

-- Phase 4 logic ----------------------------------------------------------------------------

local ADVISORY_ONLY = [[
NCSC, CISA and Five Eyes partners publish hunting guidance for a living-off-the-land campaign
against energy and financial networks. Attribution will follow. The advisory covers netsh
portproxy, ntdsutil IFM, valid-account VPN logons, wevtutil log clearing, and relay indicators,
with advice on vendor remote access to OT: brokered access, phishing-resistant MFA, and
approval for each session.]]

local function publish(choice, late)
  state.attribution = choice
  cancel("attribution-leak")
  if choice == "now" then
    log("UK and US agree joint attribution")
    rate("attribution", not late, "joint attribution with Five Eyes co-seal")
    later("publish", "2h", function() fire_once("joint-advisory") end)
  else
    log("UK and US agree a joint advisory without attribution")
    rate("attribution", not late, "joint technical advisory; attribution deferred by agreement")
    later("publish", "2h", function()
      fire_once("joint-advisory", { title = "Joint advisory AA26-075A: living-off-the-land "
        .. "activity in energy and finance", body = ADVISORY_ONLY })
    end)
  end
end

local function hold_attribution(note)
  state.attribution = "hold"
  rate("attribution", false, note)
  later("attribution-leak", "6h", function()
    fire_once("attribution-leak")
    log("Attribution leaks to the press before allies agree")
  end)
end

on("decision", "attribution", function(d)
  if state.attribution and state.attribution ~= "hold" then return end
  if d.choice == "wait" then
    if not state.attribution then hold_attribution("held all public statements; the story leaked") end
  else
    publish(d.choice, d.late or state.attribution == "hold")
  end
end)

on("timeout", "attribution", function(ev)
  hold_attribution("no joint position within the deadline")
end)

-- ENDEX: rate anything not yet demonstrated, then summarise the path taken.
at("71h45m", function()
  state.rated = state.rated or {}
  local n = 0
  for _, id in ipairs(OBJECTIVES) do
    if not state.rated[id] then rate(id, false, "not demonstrated before ENDEX") end
    if state.rated[id] == "met" then n = n + 1 end
  end
  local path = string.format(
    "SOC %s; NCSC heard via %s; Cat %s; sharing %s; OT %s%s; press %s; extortion %s; "
      .. "attribution %s. Objectives met: %d of %d.",
    state.soc_choice or "?", state.ncsc_learned_via or "?", tostring(state.category or "?"),
    state.share or "?", state.ot or "?", state.actor_alerted and " (actor alerted)" or "",
    state.press or "?", state.extortion or "?", state.attribution or "?", n, #OBJECTIVES)
  log(path)
  finish("Operation Northern Lights complete. " .. path)
end)

---------------------------------------------------------------------------------------------
-- Hot wash
---------------------------------------------------------------------------------------------

hotwash {
  "When did your organisation first know enough to report, and what slowed the report to NCSC or CISA?",
  "Which TLP labels did you use across the Atlantic, and did any label stop information reaching someone who needed it?",
  "How did Albion weigh visibility against containment on OT remote access, and who should own that decision?",
  "Was the extortion demand handled in line with UK and US policy: NCA/FBI engagement, sanctions screening, regulator clocks?",
  "Did UK and US public messaging and attribution stay in step? What would you change in the joint communications plan?",
  "What one improvement will your organisation make in the next 90 days?",
}
