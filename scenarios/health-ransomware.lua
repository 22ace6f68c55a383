--[[
Operation Cold Chain: ransomware against NHS pathology
=======================================================

A 72-hour UK-led response to a ransomware attack on a pathology provider that serves two NHS
trusts and their GP practices, with a US partner hit by the same affiliate.
T+0 is Monday 2 November 2026, 06:00Z. UK times are GMT (= Z); US Eastern is EST (Z-5).

The story. An affiliate of GREYWATER, a ransomware-as-a-service brand, has been inside Fenwright
Pathology Partnership LLP since Thursday 22 October. It came in through a vendor support
account on the Citrix Gateway that had no MFA (the route into Advanced in 2022), took about
410 GB with Rclone, deleted the Veeam backups and, at 02:10Z on Monday, encrypted the ESXi
estate that runs LabFlow, the laboratory information management system (LIMS). The shape
follows the June 2024 Synnovis attack: no ransomware inside the trusts at first, but no
pathology, no electronic blood issue and no GP testing for about two million people.
  * Fenwright Pathology Partnership (FPP): a joint venture of the two trusts and a private lab
    company; the trusts' data processor. Not itself a NIS operator of essential services.
  * Brackenmoor Teaching Hospitals NHS Foundation Trust (BTH): major trauma centre, NIS
    operator of essential services, data controller for its patients' results.
  * Aldercombe and Wyke Hospitals NHS Trust (AWH): district general; appears in injects only.
  * Lakeshore Valley Health (Ohio): hit by the same affiliate on Saturday; CISA's client.
GREYWATER is not a worm. Unlike WannaCry in 2017, nothing spreads on its own between NHS
organisations, so blanket precautionary shutdowns would do harm for no gain; the live links
from Fenwright into the trusts are what matter.

Lines of effort. UK: NHS England CSOC (the NHS's national cyber operations centre, post-WannaCry);
NCSC (national CSIRT, categorises the incident); DHSC (lead government department and NIS
competent authority for health in England); NCA NCCU (law enforcement); the ICO (UK GDPR
Art. 33, 72 hours); NHS Blood and Transplant. US: CISA (asset response), FBI Cleveland (threat
response), HHS as health sector risk management agency.

Decision points, and what each changes:
  D1 npp-ransom-note  Fenwright declares a major incident (cuts the trust links, reports to the
                      CSOC) or treats it as an outage and restores first. Restoring fails two
                      hours later (minor decision npp-backups: report now or keep going). If
                      the CSOC still knows nothing at T+5h it finds out itself (held contingency
                      csoc-own-detection). Links still up at T+5h30m let the affiliate into
                      Brackenmoor (bth-lateral): a coin toss decides whether EDR stops it.
  D2 bth-critical     Brackenmoor declares a critical incident (mutual aid, postponed surgery)
                      or stays open on downtime procedures. Staying open leads to a patient
                      safety incident nine hours later (sooner if the lateral movement
                      encrypted Brackenmoor's integration engine), then a forced declaration.
  D3 ncsc-categorise  NCSC grades Category 2 (COBR asks DHSC for a sitrep) or Category 3 (DHSC
                      asks NCSC why; held contingency dhsc-query; ministers were surprised).
  D4 cisa-rfi         NCSC shares Fenwright's indicators with CISA at AMBER, AMBER+STRICT, or
                      waits (held contingency partner-pressure). This sets when the FBI finds
                      the US staging server holding the stolen data: 4h after AMBER, 12h after
                      AMBER+STRICT, T+36h through the FBI's own case if nobody shares. A late
                      share (after a timeout or through partner-pressure) also means the US
                      publishes its GREYWATER alert at T+64h without the UK.
  D5 staging-server   The NCA and FBI seize the staging server or image it covertly. Seizing
                      before the ransom demand (T+28h) strips the affiliate of its main copy;
                      imaging identifies the affiliate (nca-affiliate) but disrupts nothing.
  D6 media-query      Press office gives the BBC a holding statement or declines; declining
                      lets "A&E closed" rumours and scam texts spread.
  D7 ransom-demand    Fenwright's board refuses (leak after 10h), negotiates to buy time under
                      NCA guidance (leak after 22h, or none if the server was seized early), or
                      pays (DHSC and sanctions screening block it; 50% leak anyway). No decision
                      within the hour: a leak two hours later. The leak is 410 GB, or a 4 GB
                      remnant if the server was seized early.
  D8 data-proof       Brackenmoor (the data controller) notifies the ICO now, or waits for the
                      forensic analysis; waiting, then a leak, brings the ICO's own inquiry.
  D9 reconnect        NHS England CSOC reconnects Fenwright's rebuilt blood transfusion module
                      only after independent assurance (about 14h later), or at 20:00 on the
                      supplier's word: 40% reinfection four hours later, 70% if Brackenmoor's
                      integration engine was encrypted.
Minor decisions: npp-backups (report or keep restoring), partner-pressure (share at AMBER or
AMBER+STRICT), cobr-sitrep (brief or defer).

The timeline is compressed to fit 72 hours: in 2024 the Synnovis data was published after 17
days, and US legal process on a hosting provider usually takes longer than shown here.

Deadlines are short enough that slow bots sometimes miss them, so headless runs also cover the
timeout branches. Late decisions are still honoured where they change the story, but the
objective stays missed. Every objective is rated once, met or missed, on every path; any still
open at ENDEX is rated missed. All indicators are fictional and use documentation address
ranges (RFC 5737) and .example domains.
]]

scenario {
  id = "health-ransomware",
  title = "Operation Cold Chain",
  summary = "UK-led response to a ransomware attack on a pathology provider serving two NHS "
    .. "trusts and their GP practices, with a US hospital hit by the same affiliate. Covers "
    .. "supplier reporting, clinical continuity, NCSC categorisation, sharing under TLP, law "
    .. "enforcement disruption, the ransom decision, patient data and safe reconnection.",
  start = "2026-11-02T06:00:00Z",
  duration = "72h",
  tlp = "amber",
}

---------------------------------------------------------------------------------------------
-- Organisations and roles
---------------------------------------------------------------------------------------------

org "ncsc"  { name = "National Cyber Security Centre (UK)", team = "uk",
              clients = { "nhse", "fpp", "bth", "awh" } }
org "nhse"  { name = "NHS England (Cyber Security Operations Centre and national media desk)",
              team = "uk", clients = { "fpp", "bth", "awh" } }
org "fpp"   { name = "Fenwright Pathology Partnership LLP", team = "uk" }
org "bth"   { name = "Brackenmoor Teaching Hospitals NHS Foundation Trust", team = "uk" }
org "awh"   { name = "Aldercombe and Wyke Hospitals NHS Trust", team = "uk" }
org "dhsc"  { name = "Department of Health and Social Care", team = "uk" }
org "nca"   { name = "National Crime Agency, National Cyber Crime Unit", team = "uk" }
org "cisa"  { name = "Cybersecurity and Infrastructure Security Agency", team = "us",
              clients = { "lvh" } }
org "lvh"   { name = "Lakeshore Valley Health (Ohio)", team = "us" }

role "ncsc"      { name = "NCSC Incident Management", org = "ncsc", delay = { "5m", "40m" } }
role "nhs-csoc"  { name = "NHS England CSOC duty manager", org = "nhse", delay = { "5m", "30m" } }
role "path-ops"  { name = "Fenwright incident management team (director on call)", org = "fpp",
                   delay = { "10m", "40m" } }
role "trust-bth" { name = "Brackenmoor incident control room (strategic commander)", org = "bth",
                   delay = { "10m", "45m" } }
role "dhsc"      { name = "DHSC Emergency Preparedness and Response duty officer", org = "dhsc",
                   delay = { "5m", "35m" } }
role "uk-nca"    { name = "NCA NCCU duty officer", org = "nca", delay = { "10m", "45m" } }
role "press"     { name = "NHS England national media desk (with DHSC press office)", org = "nhse",
                   public = true, delay = { "5m", "45m" } }
role "us-cisa"   { name = "CISA Central", org = "cisa", delay = { "10m", "45m" } }

local ALL = { "ncsc", "nhs-csoc", "path-ops", "trust-bth", "dhsc", "uk-nca", "press", "us-cisa" }

---------------------------------------------------------------------------------------------
-- Objectives (each is rated once: met or missed)
---------------------------------------------------------------------------------------------

objective "contain-report" { capability = "Cybersecurity",
  text = "Fenwright cuts its links into the trusts and reports to NHS England CSOC within an hour "
    .. "of finding the ransom note" }
objective "clinical" { capability = "Public Health, Healthcare, and Emergency Medical Services",
  text = "Brackenmoor declares a critical incident in time to keep urgent care safe without "
    .. "pathology" }
objective "situational" { capability = "Situational Assessment",
  text = "NCSC grades the incident correctly and DHSC gives ministers (COBR) an accurate sitrep "
    .. "on time" }
objective "share-partner" { capability = "Intelligence and Information Sharing",
  text = "NCSC shares actionable indicators with CISA within the hour it is asked" }
objective "disrupt" { capability = "Interdiction and Disruption",
  text = "The NCA and FBI take the stolen data away from the affiliate before it is used for "
    .. "extortion" }
objective "extortion" { capability = "Operational Coordination",
  text = "Fenwright handles the ransom demand with the NCA, DHSC and the trusts, without paying" }
objective "public-info" { capability = "Public Information and Warning",
  text = "Patients and the public get timely, accurate messages and rumours are not left "
    .. "unanswered" }
objective "data-breach" { capability = "Operational Coordination",
  text = "Brackenmoor, as data controller, notifies the ICO promptly once patient data is known "
    .. "to be stolen" }
objective "recovery" { capability = "Health and Social Services",
  text = "Pathology services are reconnected to the trusts without reinfecting them" }

local OBJECTIVES = { "contain-report", "clinical", "situational", "share-partner", "disrupt",
                     "extortion", "public-info", "data-breach", "recovery" }

---------------------------------------------------------------------------------------------
-- Phases
---------------------------------------------------------------------------------------------

phase "detection"  { title = "Detection & first response",          at = "0m" }
phase "escalation" { title = "Escalation & national coordination",  at = "8h" }
phase "extortion"  { title = "Clinical impact & extortion",         at = "24h" }
phase "recovery"   { title = "Leak, recovery & reconnection",        at = "48h" }

---------------------------------------------------------------------------------------------
-- Helpers used by the branch logic. Mutable facts live in `state`; timer handles (which are
-- not plain data) live in the local `pending`.
---------------------------------------------------------------------------------------------

local HOUR = 3600
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

-- Start (or restart) a named timer that clears its own `pending` entry before running.
local function later(name, dur, fn)
  cancel(name)
  pending[name] = after(dur, function() pending[name] = nil; fn() end)
end

-- "HH:MMZ" for the current scenario time (T+0 is 06:00Z).
local function clock()
  local mins = (now() // 60 + 6 * 60) % (24 * 60)
  return string.format("%02d:%02dZ", mins // 60, mins % 60)
end

---------------------------------------------------------------------------------------------
-- PHASE 1: DETECTION & FIRST RESPONSE (Monday 06:00Z to 14:00Z)
---------------------------------------------------------------------------------------------

-- D1: the supplier's first call.
inject "npp-ransom-note" {
  at = "20m", phase = "detection", to = "path-ops",
  from = "Fenwright IT on-call engineer",
  title = "Ransom notes on every LIMS host; the trust links are still up",
  body = [[
06:20Z Monday. At 02:40 the night-shift biomedical scientist at the Brackenmoor hub laboratory
reported that the analysers had stopped receiving worklists from LabFlow, our LIMS. I found:
- all six ESXi hosts (fpp-esx-01 to fpp-esx-06): 61 of 74 virtual machines encrypted and
  renamed *.gwx, with GW_RECOVER_README.txt on every datastore;
- encrypted VMs include the LabFlow database cluster, the blood transfusion module (LabFlow BT),
  the HL7 interface engine FPP-IE-01 and the Veeam backup server;
- Citrix Gateway logs: vendor support account svc-lisupport, which has no MFA, logged on from
  203.0.113.45 on most nights since Thursday 22 October.
The note says 410 GB has been taken and gives a Tor chat ID. The site-to-site VPNs that carry
test requests, results and blood bank messages to Brackenmoor and Aldercombe are still up. The
director on call needs a decision within the hour.]],
  tlp = "amber+strict",
  choices = { { "isolate", "Declare a major incident: cut the trust links, report to NHS England CSOC" },
              { "restore", "Treat it as an outage: restore from backup first, keep the trust links up" } },
  deadline = "1h",
  expect = "Cut the VPNs and the interface engine; preserve ESXi and Citrix logs; report to NHS "
    .. "England CSOC (DSPT incident reporting tool) and tell both trusts it is a cyber attack; "
    .. "notify the insurer and the NCA",
  objective = "contain-report",
}

inject "bth-lab-call" {
  at = "1h", phase = "detection", to = "trust-bth",
  from = "Brackenmoor blood sciences laboratory manager (phone to the site duty manager)",
  title = "No pathology results since 02:10; blood bank on manual",
  body = [[
07:00Z. The blood sciences lab manager reports:
- no electronic results since 02:10; the emergency department and wards are working from
  blood-gas analysers and results phoned through from the lab;
- the transfusion laboratory holds 212 red-cell units but cannot issue electronically; manual
  serological cross-matching manages about 10 units an hour against a normal 40;
- today's theatre lists have 46 operations, 11 of which need a group and save;
- Fenwright's service desk says "major IT outage, no ETA".]],
  tlp = "amber",
  expect = "Open the incident control room; invoke pathology downtime procedures; restrict "
    .. "requests to urgent; find out from Fenwright what has actually happened",
}

-- Fired at T+2h (see the phase 1 logic): the text depends on whether the CSOC already knows.
inject "aldercombe-impact" {
  phase = "detection", to = "nhs-csoc",
  from = "NHS England regional EPRR on-call director",
  title = "Second trust without pathology; GP testing stopped across the ICB",
  body = [[
08:00Z. Aldercombe and Wyke Hospitals, which uses the same Fenwright service, lost pathology
overnight too. Its A&E is on point-of-care tests. GP direct-access phlebotomy has stopped across
Brackenmoor and Fenside ICB, whose 118 practices send Fenwright about 2,500 samples a day.
Fenwright is telling the trusts' CIOs it is an "outage", but a lab porter has photographed a
ransom note on a screen. Is this cyber? Do other trusts need to do anything?]],
  tlp = "amber",
  expect = "Call Fenwright directly; establish the facts; join the regional incident call; "
    .. "advise both trusts on cutting their links to Fenwright; no blanket shutdowns",
}

-- The report itself, however the CSOC learns of it.
inject "npp-incident-report" {
  phase = "detection", to = "nhs-csoc",
  from = "Fenwright Pathology Partnership (DSPT incident report, phoned through to the CSOC)",
  title = "Incident report: ransomware on the Fenwright LIMS",
  body = [[
Fenwright reports a ransomware attack by a group calling itself GREYWATER. 61 of 74 virtual
machines were encrypted at 02:10Z, including LabFlow, the blood transfusion module and the
backup server. The likely way in was vendor support account svc-lisupport on our Citrix Gateway,
which had no MFA, from 203.0.113.45 since 22 October. The note claims 410 GB was taken. We have
cut the site-to-site links to Brackenmoor and Aldercombe and preserved logs. Our insurer's
incident response firm is engaged. We ask for CSOC support and advice to the trusts.]],
  tlp = "amber",
  expect = "Triage; refer to NCSC Incident Management; tell DHSC; advise both trusts; send CSOC "
    .. "incident responders; agree evidence preservation and referral to the NCA",
}

-- Only on the "restore" path: the restore fails and the theft becomes undeniable.
inject "npp-backups" {
  phase = "detection", to = "path-ops",
  from = "Fenwright infrastructure lead",
  title = "Backups encrypted; 410 GB went to an external server",
  body = [[
The restore has failed. The Veeam repository was encrypted at 02:06Z, four minutes before the
hosts. The only clean copy is the offline tape set from Sunday 25 October, nine days old. We
have found Rclone on FPP-FS-02, configured for 198.51.100.140, and about 410 GB sent
there between 27 October and 1 November. This is data theft as well as encryption. Both trusts
are asking what is going on, and the links to them are still up.]],
  tlp = "amber+strict",
  choices = { { "report", "Report to NHS England CSOC now and cut the trust links" },
              { "keep",   "Keep restoring; report once the scope is clear" } },
  deadline = "1h",
  expect = "Report at once; cut the links; stop calling it an outage",
  objective = "contain-report",
}

-- Contingency: steers play back if the CSOC has heard nothing from Fenwright by T+5h.
inject "csoc-own-detection" {
  contingency = true, phase = "detection", to = { "nhs-csoc", "path-ops" },
  from = "NHS England CSOC threat intelligence",
  title = "GREYWATER leak site lists Fenwright; no report received",
  body = [[
11:00Z. GREYWATER's Tor leak site has added "Fenwright Pathology" with a countdown timer. Two
trusts have lost pathology for nine hours, and Fenwright has reported no cyber incident. The
CSOC duty manager is calling Fenwright's director now, and will tell both trusts to cut their
VPNs to Fenwright within the hour.]],
  tlp = "amber",
  expect = "Fenwright reports in full and explains the delay; the trusts cut their links; the "
    .. "CSOC refers the incident to NCSC",
  objective = "contain-report",
}

-- D2: clinical continuity.
inject "bth-critical" {
  at = "3h", phase = "detection", to = "trust-bth",
  from = "Brackenmoor Chief Operating Officer (09:00 incident huddle)",
  title = "Declare a critical incident?",
  body = [[
09:00Z, seven hours without pathology. Fenwright now mentions "encryption" and cannot say
when LabFlow will be back.
- ED: 34 patients, 9 of them waiting for blood results before admission or discharge.
- Transfusion: 14 units of O negative used overnight on two major trauma calls; the manual
  cross-match queue is three hours long.
- Theatres: 46 operations booked today, 11 need a group and save.
- GP samples are arriving that we cannot process.
The medical director wants to declare a critical incident under the NHS EPRR framework:
postpone non-urgent surgery that needs blood, ask the region for pathology and blood mutual aid,
and ask the ambulance service to take some stroke and heart attack patients elsewhere for 24
hours. The operations director would rather stay open on downtime procedures and review at
17:00: cancelled operations harm patients too.]],
  tlp = "amber",
  choices = { { "declare",  "Declare a critical incident; seek mutual aid; postpone non-urgent surgery" },
              { "continue", "Stay open on downtime procedures; review at 17:00" } },
  deadline = "1h",
  expect = "Declare a critical incident; protect urgent and cancer work; seek mutual aid; tell "
    .. "the ICB, the region and patients",
  objective = "clinical",
}

inject "dhsc-first-brief" {
  at = "4h", phase = "detection", to = "dhsc",
  from = "Private Secretary to the Secretary of State for Health and Social Care",
  title = "HSJ reports pathology failure at two trusts: what do we know?",
  body = [[
10:00Z. The Health Service Journal has just posted: "Major IT failure hits pathology at two
trusts; operations cancelled". The Secretary of State is at the Health and Social Care Committee
at 14:00. By 13:00 we need to know: is this a cyber attack, what is the effect on patients, who
is leading, and does No 10 need to be told?]],
  tlp = "amber",
  expect = "Get NHS England's and NCSC's picture; confirm DHSC as lead government department; "
    .. "open the DHSC incident response; agree lines with NHS England",
}

inject "csoc-intel" {
  at = "6h", phase = "detection", to = "nhs-csoc",
  from = "NHS England CSOC threat intelligence",
  title = "GREYWATER profile and first indicators; draft High Severity alert?",
  body = [[
GREYWATER has been a ransomware-as-a-service brand since 2024, with 14 healthcare victims this
year, including Lakeshore Valley Health (Ohio) on Saturday. Its affiliates typically:
- log on to remote-access gateways with stolen credentials or accounts that have no MFA;
- install AnyDesk;
- exfiltrate with Rclone;
- delete Veeam backups, then encrypt ESXi hosts with a Linux encryptor run over SSH.
It does not self-propagate. Unlike WannaCry, it will not spread by itself between NHS
organisations.
Indicators from Fenwright so far:
- 203.0.113.45: Citrix logons;
- 198.51.100.140: Rclone exfiltration, a VPS hosted in the US;
- 198.51.100.77 and cdn-telemetry.example: beacon;
- encryptor SHA-256 4be1c07e...a6f29d07;
- AnyDesk ID 1 402 886 511.
We have a draft High Severity Cyber Alert for all NHS organisations.]],
  tlp = "amber",
  expect = "Issue the alert (indicators at TLP:AMBER to NHS organisations, guidance at "
    .. "TLP:CLEAR); hunt national Defender for Endpoint telemetry; find other trusts that give "
    .. "Fenwright remote access; advise against blanket precautionary shutdowns",
}

inject "us-hospital" {
  at = "7h", phase = "detection", to = "us-cisa",
  from = "CISA Central (HHS and Health-ISAC reporting)",
  title = "Ohio hospital system on diversion after GREYWATER attack",
  body = [[
08:00 EST. Lakeshore Valley Health, a nine-hospital system in Ohio, has been diverting
ambulances since Saturday after a GREYWATER affiliate encrypted its ESXi estate. FBI Cleveland
has the case. HHS, as the health sector risk management agency, asks whether the UK pathology
incident now in the British press is the same affiliate, and whether NCSC holds indicators that
would show where Lakeshore's data went.]],
  tlp = "amber",
  expect = "Ask NCSC through the liaison officer for indicators; offer Lakeshore's in return; "
    .. "coordinate with the FBI and HHS",
}

-- Only if Fenwright's links into the trusts are still up at T+5h30m.
inject "bth-lateral" {
  phase = "detection", to = { "trust-bth", "nhs-csoc" },
  from = "NHS England CSOC (Defender for Endpoint alert on a Brackenmoor server)",
  title = "Affiliate moved from Fenwright into Brackenmoor's integration engine",
  body = [[
11:30Z. Defender for Endpoint on BTH-INT-02, Brackenmoor's integration engine server, raised
high-severity alerts: PsExec launched from Fenwright's interface engine FPP-IE-01 (10.112.4.20)
across the site-to-site VPN, a beacon to 198.51.100.77, then the GREYWATER encryptor. The sensor
was in audit-only mode on that server. BTH-INT-02 is encrypted, and with it ICE order
communications and results routing for radiology. Brackenmoor has pulled the VPN.]],
  tlp = "amber",
  expect = "Isolate the integration engine; hunt Brackenmoor's estate; switch Defender to block "
    .. "mode; report to the CSOC and NCSC; tell Aldercombe to check its own link",
}

-- Phase 1 logic ----------------------------------------------------------------------------

at("2h", function()
  if state.csoc_aware then
    fire_once("aldercombe-impact", { body = [[
08:00Z. Aldercombe and Wyke Hospitals has declared a critical incident: it uses the same
Fenwright service and its A&E is on point-of-care tests. GP direct-access phlebotomy has stopped
across Brackenmoor and Fenside ICB, whose 118 practices send Fenwright about 2,500 samples a
day. The region has your word that this is ransomware at a supplier. The trusts' CIOs ask: are
their own networks at risk, should they shut anything down, and do other trusts that use
Fenwright's remote support need to act?]] })
  else
    fire_once("aldercombe-impact")
  end
end)

local OWN_DETECTION_REPORT = [[
After the CSOC's call, Fenwright confirms a ransomware attack by GREYWATER. 61 of 74 virtual
machines were encrypted at 02:10Z, including LabFlow, the blood transfusion module and the
backups. Fenwright had been treating it as an outage and trying to restore. The likely way in
was vendor support account svc-lisupport on the Citrix Gateway, which had no MFA, from
203.0.113.45. 410 GB went to 198.51.100.140. On the CSOC's advice both trusts are now cutting
their VPNs to Fenwright.]]

local function cut_links(how)
  if state.links == "cut" then return end
  state.links = "cut"
  state.links_at = clock()
  log("Fenwright's links into Brackenmoor and Aldercombe are cut (" .. how .. ")")
end

-- The CSOC learns of the attack; NCSC gets the referral half an hour after the report.
local function csoc_learns(how)
  if state.csoc_aware then return end
  state.csoc_aware = now()
  state.csoc_via = how
  log("NHS England CSOC is aware of the Fenwright attack (" .. how .. ")")
  local function report(overrides)
    fire_once("npp-incident-report", overrides)
    later("refer", "30m", function() fire_once("ncsc-categorise") end)
  end
  if how == "own detection" then
    -- Fenwright confirms an hour after the CSOC's call; the trusts cut their end.
    later("confirm", "1h", function()
      cut_links("the trusts, on the CSOC's advice")
      report({ title = "Fenwright confirms ransomware after the CSOC's call",
               body = OWN_DETECTION_REPORT })
    end)
  else
    report()
  end
end

-- D1: report and isolate, or restore quietly.
on("decision", "npp-ransom-note", function(d)
  if state.npp_choice then                 -- the deadline already passed: a late call
    state.npp_late = d.choice
    if d.choice == "isolate" then
      cut_links("late major incident declaration")
      csoc_learns("late report by Fenwright")
    else
      later("backups", "2h", function() fire_once("npp-backups") end)
    end
    return
  end
  state.npp_choice = d.choice
  if d.choice == "isolate" then
    rate("contain-report", not d.late, string.format(
      "links cut and CSOC told %d minutes after the note reached the director",
      math.floor((d.t - 20 * 60) / 60)))
    cut_links("Fenwright's major incident")
    csoc_learns("report by Fenwright")
  else
    rate("contain-report", false, "Fenwright treated the attack as an outage and kept the links up")
    log("Fenwright treats the attack as an outage and starts a restore")
    later("backups", "2h", function() fire_once("npp-backups") end)
  end
end)

on("timeout", "npp-ransom-note", function(ev)
  state.npp_choice = "none"
  rate("contain-report", false, "no decision within the hour; the links stayed up")
end)

on("decision", "npp-backups", function(d)
  if d.choice == "report" then
    cut_links("after the failed restore")
    csoc_learns("late report by Fenwright")
  else
    state.npp_hidden = true
    log("Fenwright keeps restoring and still calls it an outage")
  end
end)

on("timeout", "npp-backups", function(ev)
  state.npp_hidden = true
  log("Fenwright's director makes no call on reporting")
end)

-- D2: critical incident, or downtime procedures.
local function declare(how)
  if state.clinical == "declared" then return end
  state.clinical = "declared"
  cancel("harm")
  log("Brackenmoor declares a critical incident (" .. how .. ")")
  later("mutual-aid", "3h", function() fire_once("mutual-aid") end)
end

local dhsc_query   -- defined in phase 2; a patient safety incident forces it

local function patient_harm()
  state.harm = true
  fire_once("clinical-incident")
  rate("clinical", false, "a patient came to harm before a critical incident was declared")
  log("Patient safety incident at Brackenmoor")
  declare("after a patient safety incident")
  if state.category ~= 2 then dhsc_query() end
end

on("decision", "bth-critical", function(d)
  if state.clinical then                   -- late, after the timeout
    if d.choice == "declare" then declare("late") end
    return
  end
  if d.choice == "declare" then
    rate("clinical", not d.late, "critical incident declared at " .. clock())
    declare("on time")
  else
    state.clinical = "continued"
    log("Brackenmoor stays open on downtime procedures")
    later("harm", "9h", patient_harm)
  end
end)

on("timeout", "bth-critical", function(ev)
  state.clinical = "none"
  rate("clinical", false, "no decision at the 09:00 huddle")
  later("harm", "9h", patient_harm)
end)

-- Contingency: if the CSOC still knows nothing at T+5h, its own intelligence finds Fenwright.
at("5h", function()
  if not state.csoc_aware then
    fire_once("csoc-own-detection")
    rate("contain-report", false, "the CSOC found the attack itself")
    csoc_learns("own detection")
  end
end)

-- Links still up at T+5h30m: the affiliate moves into Brackenmoor.
at("5h30m", function()
  if state.links == "cut" then return end
  if random(100) <= 50 then
    -- Planners: a coin toss decides whether Defender blocks the encryptor in time.
    state.lateral = "blocked"
    fire_once("bth-lateral", { title = "Affiliate tried to move into Brackenmoor; Defender blocked it",
      body = [[
11:30Z. Defender for Endpoint on BTH-INT-02, Brackenmoor's integration engine server, raised
high-severity alerts: PsExec launched from Fenwright's interface engine FPP-IE-01 (10.112.4.20)
across the site-to-site VPN, and a beacon to 198.51.100.77. The sensor was in block mode: it
quarantined the GREYWATER encryptor and isolated the server. Nothing in Brackenmoor is encrypted,
but the affiliate now holds a Brackenmoor service account. Brackenmoor has pulled the VPN.]] })
    log("Affiliate reached Brackenmoor over the live link; Defender blocked the encryptor")
  else
    state.lateral = "encrypted"
    fire_once("bth-lateral")
    log("Affiliate encrypted Brackenmoor's integration engine over the live link")
    -- Losing order communications makes a harm incident come sooner.
    if pending["harm"] then later("harm", "2h30m", patient_harm) end
  end
  cut_links("Brackenmoor pulled the VPN after EDR alerts")
end)

---------------------------------------------------------------------------------------------
-- PHASE 2: ESCALATION & NATIONAL COORDINATION (Monday 14:00Z to Tuesday 06:00Z)
---------------------------------------------------------------------------------------------

-- D3: NCSC's category.
inject "ncsc-categorise" {
  phase = "detection", to = "ncsc",
  from = "NHS England CSOC (referral to NCSC Incident Management)",
  title = "Referral: ransomware on the pathology service for two trusts",
  body = [[
NHS England CSOC refers the Fenwright incident. A GREYWATER affiliate has encrypted the
pathology LIMS serving Brackenmoor Teaching Hospitals, Aldercombe and Wyke Hospitals and 118 GP
practices: about two million people. Pathology, blood transfusion IT and GP testing are down;
the trusts are on paper and phones. About 410 GB, probably including patient records, was
taken. Both trusts are NIS operators of essential services; Fenwright is their supplier and
data processor. The CSOC asks NCSC to categorise the incident and provide incident management
support.]],
  tlp = "amber",
  choices = { { "cat2", "Category 2: highly significant (essential health services)" },
              { "cat3", "Category 3: significant; CSOC and the victims lead with NCSC support" } },
  deadline = "1h",
  expect = "Assign a category; open an NCSC incident; brief DHSC as lead government department; "
    .. "task threat intelligence; offer an NCSC-assured incident response provider",
  objective = "situational",
}

-- Contingency: DHSC steps in when NCSC kept the incident at Category 3.
inject "dhsc-query" {
  contingency = true, phase = "escalation", to = "ncsc",
  from = "DHSC Director of Emergency Preparedness, Resilience and Response",
  title = "Why is this Category 3?",
  body = [[
The Secretary of State heard from the press, not from government, that patients at Brackenmoor
are being affected. Aldercombe has declared a critical incident, Brackenmoor is running on paper,
GP testing has stopped for two million people, and NHS Blood and Transplant is watching O-type
stocks. Why is this Category 3? The
Cabinet Office COBR Unit asks NCSC to review the category before COBR (officials) meets, and
wants NCSC's technical annex for DHSC's sitrep.]],
  tlp = "amber",
  expect = "Re-grade or justify the category; brief DHSC; send the technical annex for the sitrep",
  objective = "situational",
}

inject "cobr-sitrep" {
  phase = "escalation", to = "dhsc",
  from = "Cabinet Office COBR Unit",
  title = "One-page sitrep for COBR (officials) within the hour",
  body = [[
COBR (officials) meets in one hour. The Cabinet Office chairs; DHSC is lead government
department and NHS England has moved to a national (Level 4) incident. We need one page from
DHSC, with NHS England's clinical picture and NCSC's technical annex, covering:
- what has happened;
- the impact on patients: operations postponed, blood supply, GP testing;
- what NHS England, NCSC and the NCA are doing;
- what is known about data theft;
- decisions for ministers: public statement, ransom position, mutual aid;
- lines to take.]],
  tlp = "amber",
  choices = { { "brief", "Send the one-page sitrep on time" },
              { "defer", "Ask to defer until Fenwright's response firm reports" } },
  deadline = "1h",
  expect = "Sitrep on time; separate what is known from what is assessed; state the "
    .. "no-payment position; list the decisions needed",
  objective = "situational",
}

-- D4: sharing with the US partner.
inject "cisa-rfi" {
  at = "10h", phase = "escalation", to = "ncsc",
  from = "NCSC Threat Intelligence duty analyst (CISA request through the liaison officer)",
  title = "CISA asks for the Fenwright indicators",
  body = [[
16:00Z (11:00 EST). CISA Central asks for the Fenwright indicators. The same ESXi encryptor hit
Lakeshore Valley Health in Ohio on Saturday, and Lakeshore still does not know where its data
went. Our set includes the exfiltration server 198.51.100.140, a VPS at a US hosting provider.
- TLP:AMBER lets CISA pass the set to Lakeshore (its client) to hunt, and so to the FBI through
  the victim.
- TLP:AMBER+STRICT keeps it inside CISA until we give permission.
- Waiting lets us sanitise it and confirm with Fenwright's response firm (about 24 hours).
The set names no NHS patient or Fenwright system beyond hostnames.]],
  tlp = "amber+strict",
  choices = { { "amber",  "Share with CISA now at TLP:AMBER" },
              { "strict", "Share with CISA at TLP:AMBER+STRICT (CISA only)" },
              { "wait",   "Hold until Fenwright's response firm confirms the set" } },
  deadline = "1h",
  expect = "Share actionable, sanitised indicators at a TLP that lets CISA reach the US victim",
  objective = "share-partner",
}

-- Contingency: partner pressure if NCSC holds its indicators.
inject "partner-pressure" {
  contingency = true, phase = "escalation", to = "ncsc",
  from = "NCSC Director of Operations",
  title = "CISA: \"An Ohio hospital is still on diversion\"",
  body = [[
CISA's Executive Assistant Director for Cybersecurity has just called me. Lakeshore Valley
Health is still diverting ambulances, and CISA believes our indicators show where its data went.
Her words: "We need them tonight." Share now, and tell me what TLP you used.]],
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
  title = "NCSC indicators match Lakeshore Valley Health",
  body = [[
NCSC has shared the Fenwright indicators at TLP:AMBER, so we passed them to Lakeshore Valley
Health, a CISA client, on a need-to-know basis. Lakeshore's firewall logs show Rclone sessions
to 198.51.100.140 on Friday night: the same exfiltration server as Fenwright's. The VPS is at a
US hosting provider. FBI Cleveland, working with Lakeshore, is seeking a warrant. Recommend a
call with the FBI and NCA liaison within the hour.]],
  tlp = "amber",
  expect = "Get the match to the FBI through Lakeshore; offer Lakeshore's indicators to NCSC; "
    .. "ask NCSC before relabelling anything to TLP:GREEN for Health-ISAC",
  objective = "share-partner",
}

inject "nca-referral" {
  at = "9h", phase = "escalation", to = "uk-nca",
  from = "NCSC Incident Management (joint referral with NHS England CSOC)",
  title = "Referral: GREYWATER ransomware at an NHS pathology supplier",
  body = [[
15:00Z. NCSC and the CSOC refer the Fenwright attack to the NCCU. GREYWATER encrypted the
pathology LIMS for two trusts at 02:10Z and claims 410 GB. Fenwright's incident response firm
holds ESXi images, Citrix logs and the Tor chat ID, and Fenwright asks whether it should open
the chat. The FBI Legal Attaché says FBI Cleveland has the same affiliate at an Ohio hospital
system and wants to deconflict.]],
  tlp = "amber",
  expect = "Open an investigation; victim engagement with Fenwright (advise not to pay, "
    .. "preserve the chat and evidence); deconflict with the FBI through the Legat",
}

inject "csoc-hunt" {
  at = "18h", phase = "escalation", to = "nhs-csoc",
  from = "NHS England CSOC threat hunting (overnight shift)",
  title = "Same vendor support account pattern at 23 other NHS labs",
  body = [[
00:00Z Tuesday. svc-lisupport is the support account that Corvane Systems, LabFlow's vendor,
asks every customer to create on its remote-access gateway. The national hunt found the same
pattern at 23 NHS pathology labs; 9 have no MFA on it. Harrowfield Hospitals' Citrix logs show
a failed logon from 203.0.113.45 on Saturday night. No encryption anywhere else so far. Corvane
says it will rotate every support credential "this week".]],
  tlp = "amber",
  expect = "Tell the 23 labs directly to disable or MFA-protect the account tonight; update the "
    .. "High Severity alert; press Corvane for a same-day rotation; tell NCSC and DHSC",
}

-- D5: law enforcement's choice on the staging server.
inject "staging-server" {
  phase = "escalation", to = "uk-nca",
  from = "FBI Legal Attaché, London (through NCA NCCU)",
  title = "FBI holds a warrant for the server with the stolen data",
  body = [[
FBI Cleveland has a warrant for 198.51.100.140 at a US hosting provider. The provider confirms
about 410 GB of Fenwright data and 1.1 TB of Lakeshore's, uploaded over the last ten days. The
affiliate logs in from 192.0.2.66, another rented VPS. The FBI offers two options, on joint
terms with the NCA:
- seize the server and take it offline tonight, taking away the affiliate's main copy but
  telling it that it has been found;
- image it covertly over the next two weeks to identify the affiliate, accepting that the data
  may be published in the meantime.
The Legat needs the UK view within the hour.]],
  tlp = "amber+strict",
  choices = { { "seize", "Seize the server jointly tonight" },
              { "image", "Image it covertly and identify the affiliate" } },
  deadline = "1h",
  expect = "Weigh disruption against intelligence with NCSC and the victims; agree timing and "
    .. "public lines with the FBI; preserve evidence for prosecution",
  objective = "disrupt",
}

-- D6: press office.
inject "media-query" {
  at = "11h", phase = "escalation", to = "press",
  from = "BBC health correspondent (phone)",
  title = "BBC: \"Is patient data stolen? Should people still come in?\"",
  body = [[
17:00Z Monday. "Sources tell us Brackenmoor and Aldercombe are cancelling operations and
rationing blood tests after a ransomware attack on their pathology company. Has patient data
been stolen? Should people still turn up for appointments? Is blood running out? We're leading
the 18:00 bulletin with it."]],
  tlp = "clear",
  choices = { { "holding", "Issue the agreed holding statement" },
              { "decline", "Decline to comment while the investigation continues" } },
  deadline = "1h",
  expect = "Holding line agreed with DHSC, the trusts and Fenwright: a cyber incident at a "
    .. "supplier; urgent care continues; attend unless contacted; data theft under "
    .. "investigation; no speculation on the attacker or a ransom",
  objective = "public-info",
}

inject "social-rumour" {
  phase = "escalation", to = "press",
  from = "NHS England media monitoring",
  title = "\"A&E closed\" posts and scam texts spreading",
  body = [[
Posts with 30,000 shares claim that "all Brackenmoor hospitals are closed, don't go to A&E".
A scam text is circulating: "NHS: your blood test results were exposed in a data breach. Claim
compensation at nhs-claims.example". The ambulance service reports 999 callers asking whether
they should go to hospital at all. The BBC bulletin said the NHS "declined to comment".]],
  tlp = "clear",
  expect = "Rebut with the trusts and NHS 111: A&E is open, attend unless told otherwise; warn "
    .. "about the scam text and point people to 7726 and the NCSC reporting service",
  objective = "public-info",
}

-- Phase 2 logic ----------------------------------------------------------------------------

-- The Category 3 path: DHSC asks NCSC why, and COBR commissions the sitrep directly.
dhsc_query = function()
  if not fire_once("dhsc-query") then return end
  cancel("dhsc-query")
  state.ministers_surprised = true
  rate("situational", false, "Category 3 understated the incident; ministers heard from the press")
  log("DHSC challenges NCSC's Category 3")
  later("cobr", "1h", function() fire_once("cobr-sitrep") end)
end

local function categorise(cat, late)
  state.category = cat
  if cat == 2 then
    log("NCSC declares a Category 2 incident")
    cancel("dhsc-query")
    if late then rate("situational", false, "Category 2 declared only after the deadline") end
    later("cobr", "3h", function() fire_once("cobr-sitrep") end)
  else
    later("dhsc-query", "6h", dhsc_query)
  end
end

on("decision", "ncsc-categorise", function(d)
  if state.category then                   -- late, after the timeout defaulted to Category 3
    if d.choice == "cat2" and not state.ministers_surprised then categorise(2, true) end
    return
  end
  categorise(d.choice == "cat2" and 2 or 3, d.late)
end)

on("timeout", "ncsc-categorise", function(ev)
  log("NCSC left the referral uncategorised past its deadline")
  categorise(3)
end)

on("decision", "cobr-sitrep", function(d)
  state.sitrep = d.choice
  if d.choice == "brief" then
    rate("situational", not d.late, "Category 2 and the sitrep delivered on time")
  else
    rate("situational", false, "COBR (officials) met without DHSC's sitrep")
    log("COBR (officials) meets without a DHSC sitrep")
  end
end)

on("timeout", "cobr-sitrep", function(ev)
  state.sitrep = "none"
  rate("situational", false, "no sitrep before COBR (officials) met")
end)

-- The FBI finds the staging server `secs` from now; a faster route replaces a slower one.
local function find_staging(secs)
  local when = now() + secs
  if state.staging_found or (state.staging_at and state.staging_at <= when) then return end
  state.staging_at = when
  later("staging", secs, function()
    state.staging_found = now()
    log("FBI locates the GREYWATER staging server")
    if now() >= 28 * HOUR then
      fire_once("staging-server", { body = [[
FBI Cleveland now has a warrant for 198.51.100.140 at a US hosting provider. It holds about
410 GB of Fenwright data. Logs show the affiliate
copied all of it to its leak-site back end on Tuesday morning, as the ransom talks began, so a
seizure now would not stop publication. Options, on joint terms with the NCA: seize it tonight,
or image it covertly to identify the affiliate. The Legat needs the UK view within the hour.]] })
    else
      fire_once("staging-server")
    end
  end)
end

-- D4: share now (and at what TLP), or wait.
local function share_effects(choice, late)
  state.share = choice
  state.share_late = late and true or false
  cancel("partner-pressure")
  if choice == "amber" then
    log("NCSC shares indicators with CISA at TLP:AMBER")
    rate("share-partner", not late, "shared at TLP:AMBER")
    fire_once("cisa-match")
    find_staging(4 * HOUR)
  else
    log("NCSC shares indicators with CISA at TLP:AMBER+STRICT")
    rate("share-partner", not late, "shared at AMBER+STRICT; CISA had to ask before telling Lakeshore")
    fire_once("cisa-match", { body = [[
NCSC has shared the Fenwright indicators at TLP:AMBER+STRICT: CISA only. We may not pass them to
Lakeshore Valley Health, although it is our client, or to the FBI, without NCSC's permission.
Our own netflow suggests Lakeshore talked to 198.51.100.140, the Fenwright exfiltration server.
Ask NCSC to relabel, or to approve a sanitised version for Lakeshore and FBI Cleveland.]] })
    find_staging(12 * HOUR)   -- the time it takes to ask for, and get, permission overnight
  end
end

on("decision", "cisa-rfi", function(d)
  if d.choice ~= "wait" then share_effects(d.choice, d.late) return end
  if state.share then return end           -- a late "wait" after the timeout changes nothing
  state.share = "wait"
  rate("share-partner", false, "NCSC held the indicators for confirmation")
  later("partner-pressure", "8h", function() fire_once("partner-pressure") end)
  -- Without UK indicators the FBI gets there on its own, from Lakeshore's case.
  find_staging(36 * HOUR - now())
end)

on("timeout", "cisa-rfi", function(ev)
  state.share = "wait"
  rate("share-partner", false, "no sharing decision within the hour")
  later("partner-pressure", "6h", function() fire_once("partner-pressure") end)
  find_staging(36 * HOUR - now())
end)

-- The contingency carries the same choice again (late, so the objective stays missed).
on("decision", "partner-pressure", function(d)
  if state.share == "wait" then share_effects(d.choice, true) end
end)

on("timeout", "partner-pressure", function(ev)
  log("NCSC still holding its indicators; the FBI works from Lakeshore's case alone")
end)

-- D5: seize or image. Seizing before the ransom talks begin (T+28h) takes the data away.
on("decision", "staging-server", function(d)
  if state.staging == "seized" or state.staging == "imaged" then return end
  if d.choice == "seize" then
    state.staging = "seized"
    state.seized_early = now() < 28 * HOUR
    log("NCA and FBI seize the GREYWATER staging server")
    if state.seized_early then
      rate("disrupt", not d.late, "staging server seized before the ransom demand")
    else
      rate("disrupt", false, "seized after the data had been copied to the leak site")
    end
  else
    state.staging = "imaged"
    log("NCA and FBI image the staging server covertly")
    rate("disrupt", false, "imaged covertly to identify the affiliate; the data stayed in its hands")
  end
end)

on("timeout", "staging-server", function(ev)
  state.staging = "none"
  rate("disrupt", false, "no UK view within the hour; the FBI waits")
end)

-- D6: holding statement, or decline to comment.
on("decision", "media-query", function(d)
  if d.choice == "holding" then
    cancel("rumour")
    state.press = "holding"
    rate("public-info", not d.late, "holding statement before the bulletin")
  elseif not state.press then
    state.press = "declined"
    rate("public-info", false, "declined to comment; rumours filled the gap")
    later("rumour", "3h", function() fire_once("social-rumour") end)
  end
end)

on("timeout", "media-query", function(ev)
  state.press = "silent"
  rate("public-info", false, "no reply before the bulletin")
  later("rumour", "3h", function() fire_once("social-rumour") end)
end)

---------------------------------------------------------------------------------------------
-- PHASE 3: CLINICAL IMPACT & EXTORTION (Tuesday 06:00Z to Wednesday 06:00Z)
---------------------------------------------------------------------------------------------

inject "mutual-aid" {
  phase = "detection", to = "trust-bth",
  from = "NHS England regional incident team",
  title = "Mutual aid in place",
  body = [[
Mutual aid is running:
- Eastmere Pathology Network will take up to 1,500 urgent samples a day by courier, with
  results by phone and secure email in four to six hours;
- NHS Blood and Transplant has sent extra group O red cells;
- the ambulance service is taking suspected stroke and heart attack patients to Eastmere
  General for 24 hours;
- Brackenmoor has postponed 52 operations and 310 outpatient appointments this week. Cancer
  and urgent surgery continue.]],
  tlp = "amber",
  expect = "Run the mutual aid; log harm from postponements; keep patients and GPs informed",
}

inject "clinical-incident" {
  phase = "escalation", to = "trust-bth",
  from = "Brackenmoor Medical Director",
  title = "Patient safety incident: a critical result missed",
  body = [[
A 74-year-old on ward 23 with sepsis had a potassium of 7.1 mmol/L. The lab phoned it through,
but it was written on another patient's paper record, and was found four hours later when the
ECG changed. The patient was treated in resus and is stable. In a
separate case, a post-partum haemorrhage waited 70 minutes for cross-matched blood and was given
O negative. Both are being reported as patient safety incidents. The medical director is
declaring a critical incident now.]],
  tlp = "amber",
  expect = "Declare the critical incident; duty of candour; report under PSIRF; brief the ICB, "
    .. "the region and DHSC",
  objective = "clinical",
}

inject "commons-uq" {
  at = "24h", phase = "extortion", to = "dhsc",
  from = "DHSC Parliamentary Branch",
  title = "Urgent Question expected in the Commons at 12:30",
  body = [[
06:00Z Tuesday. The Opposition has applied for an Urgent Question on the "cyber attack on NHS
pathology services" and the Speaker is expected to grant it; it would be taken at 12:30, after
Health questions. The minister needs lines by 10:00:
- how many patients are affected, and whether any have been harmed;
- what is being done to restore services and protect blood supplies;
- whether patient data has been stolen;
- whether a ransom will be paid;
- who is responsible.
The NCA asks that nothing be said that could prejudice its investigation.]],
  tlp = "amber",
  expect = "Agree lines with NHS England, NCSC and the NCA; confirm the no-payment position; "
    .. "no attribution; say what patients should do",
}

inject "nis-notice" {
  at = "26h", phase = "extortion", to = "trust-bth",
  from = "DHSC (NIS competent authority for health in England), through NHS England",
  title = "NIS Regulations: notification expected",
  body = [[
Brackenmoor is an operator of essential services under the NIS Regulations 2018. An incident
with a significant impact on the continuity of the essential service must be notified within 72
hours of becoming aware of it. Please notify through the DSPT incident reporting tool, which
reaches DHSC, NHS England and NCSC. Fenwright is not itself an operator of essential services;
the Cyber Security and Resilience Bill, still before Parliament, would let regulators designate
suppliers like it as critical.]],
  tlp = "amber",
  expect = "Send the NIS notification; keep it consistent with any ICO report; record when the "
    .. "trust became aware",
}

-- D7: the ransom demand. The process below decides what follows.
inject "ransom-demand" {
  phase = "extortion", to = "path-ops",
  from = "Fenwright Chief Executive (forwarding GREYWATER's Tor chat)",
  title = "GREYWATER demands US$28 million",
  body = [[
10:00Z Tuesday. GREYWATER's negotiator has set a price on the Tor chat: US$28 million in
Bitcoin to bc1q9v...k4m2, for a decryptor and "deletion" of 410 GB. As proof it has posted a
file tree and 50 sample files, including Brackenmoor and Aldercombe transfusion records with
names, NHS numbers, dates of birth and blood groups. Publication in five days. The members of
the partnership, including both trusts, meet at 10:30 and want a decision by 11:00. The
government's announced ban on ransom payments by public bodies and regulated critical
infrastructure is not yet law; DHSC's position is that the NHS does not pay.]],
  tlp = "amber+strict",
  choices = { { "refuse",    "Refuse; hand the chat and wallet to the NCA" },
              { "negotiate", "Keep the chat open to buy time, under NCA guidance; no payment" },
              { "pay",       "Pay to stop publication and get the decryptor" } },
  deadline = "1h",
  expect = "Engage the NCA; take DHSC's and the trusts' view; involve the insurer; screen the "
    .. "wallet for sanctions (OFSI and OFAC); prepare for publication either way",
  objective = "extortion",
}

inject "le-brief" {
  phase = "extortion", to = "uk-nca",
  from = "NCA NCCU intelligence cell",
  title = "GREYWATER: what paying has bought other victims",
  body = [[
Fenwright has called the NCA: GREYWATER has named its price, and the partnership decides within
the hour. GREYWATER affiliates have published data from at least four of the victims that paid
in the last year, and have come back to two of them with a second demand. The Tor chat and
wallet bc1q9v...k4m2 should be preserved as evidence. Fenwright and the trusts want the NCA's
advice before the board votes, and to know what law enforcement can do about the leak site.]],
  tlp = "amber",
  expect = "Advise against payment; take the chat logs and wallet; agree the timing of any "
    .. "takedown with the FBI; support an injunction application",
  objective = "extortion",
}

inject "payment-blocked" {
  phase = "extortion", to = { "path-ops", "dhsc" },
  from = "Fenwright's insurer and DHSC (joint call)",
  title = "Payment halted: DHSC objects and the wallet fails sanctions screening",
  body = [[
DHSC and both member trusts have told Fenwright's board that NHS money, directly or through a
supplier, must not fund a ransom. The insurer's sanctions screen links the wallet's cluster to
an individual designated under the UK cyber sanctions regime, and by OFAC. Paying could be a
criminal offence. The payment is on hold; the insurer asks Fenwright to report the attempt to
the NCA and to OFSI.]],
  tlp = "amber",
  expect = "Stop the payment; report to the NCA and OFSI; record the decision; tell the trusts' "
    .. "boards and DHSC",
  objective = "extortion",
}

-- D8: patient data.
inject "data-proof" {
  phase = "extortion", to = "trust-bth",
  from = "Brackenmoor Data Protection Officer",
  title = "Stolen data includes our patients' transfusion records",
  body = [[
Fenwright has passed us GREYWATER's 50 sample files. They include Brackenmoor transfusion
records from 2019 to 2026: names, NHS numbers, dates of birth, blood groups and antibody
results. Fenwright is our processor; we are the controller. UK GDPR Art. 33 gives us 72 hours
from becoming aware to notify the ICO. That is arguably now, although Fenwright's first report
on Monday mentioned theft. Options:
- notify the ICO now with what we know, as a phased report; set up a helpline with NHS England;
  ask counsel and the NCA about a High Court injunction;
- wait for the response firm's analysis of what was taken (five to ten days).
The SIRO and Caldicott Guardian want your decision within the hour, so a report can go today.]],
  tlp = "amber+strict",
  choices = { { "notify", "Notify the ICO now; helpline; consider an injunction" },
              { "wait",   "Wait for the forensic analysis before notifying" } },
  deadline = "1h",
  expect = "Phased ICO notification within 72 hours, coordinated with Aldercombe and Fenwright; "
    .. "helpline and patient information; injunction application",
  objective = "data-breach",
}

inject "ico-ack" {
  phase = "extortion", to = "trust-bth",
  from = "Information Commissioner's Office (case officer)",
  title = "ICO acknowledges the breach report",
  body = [[
Thank you for the report. We understand the analysis is at an early stage. Please send an
update within seven days, or sooner if the data is published, covering the categories and
approximate numbers of people affected and your plan to tell them. We expect Aldercombe and
Wyke to report separately. If asked, our public line will be that we have been made aware and
are making enquiries.]],
  tlp = "amber",
  expect = "Agree a single notification plan with Aldercombe and Fenwright; keep the ICO updated",
  objective = "data-breach",
}

inject "ico-inquiry" {
  contingency = true, phase = "extortion", to = "trust-bth",
  from = "Information Commissioner's Office (Head of Investigations)",
  title = "ICO: data published, no report received",
  body = [[
Media reports say patient data from the Fenwright attack has been published, including
Brackenmoor transfusion records. We have no personal data breach report from Brackenmoor. Please
report today, explain when the trust became aware, and say why it did not report sooner. We
will take the timeliness of the report into account.]],
  tlp = "amber",
  expect = "Report at once; give an honest account of the delay; agree patient communications "
    .. "with NHS England",
  objective = "data-breach",
}

inject "nhsbt-alert" {
  at = "30h", phase = "extortion", to = "dhsc",
  from = "NHS Blood and Transplant, national duty director",
  title = "Amber alert: O-type blood stocks falling",
  body = [[
12:00Z. O negative stocks are at 1.9 days and O positive at 2.4 days (target: more than five).
Brackenmoor and Aldercombe are using about three times their usual group O, because without
electronic cross-matching they must give universal blood. NHSBT has issued an amber alert to
hospitals. We want to launch a public appeal for O-type donors tomorrow morning, and need DHSC
and NHS England to agree the wording today.]],
  tlp = "amber",
  expect = "Agree a joint donor appeal with NHSBT and NHS England; keep it consistent with the "
    .. "lines on the attack; brief ministers",
  objective = "public-info",
}

-- Phase 3 logic: the extortion line as one process on the virtual clock -------------------

local REMNANT_LEAK = [[
GREYWATER has posted 4.2 GB on its leak site: what it still held after the staging server was
seized. It includes about 6,000 Brackenmoor and Aldercombe transfusion records (names, NHS
numbers, dates of birth, blood groups) and some Fenwright finance spreadsheets. The post taunts
the NCA and FBI. Three journalists have emailed.]]

local function publish_leak()
  if state.extortion == "negotiated" and state.seized_early then
    state.leak = "none"
    log("NCA and FBI take down GREYWATER's leak site; nothing is published")
    return
  end
  if state.seized_early then
    state.leak = "remnant"
    fire_once("leak-published", { title = "GREYWATER posts 4 GB remnant", body = REMNANT_LEAK })
  else
    state.leak = "full"
    fire_once("leak-published")
  end
  log("Patient data published on GREYWATER's leak site (" .. state.leak .. ")")
  later("leak-press", "2h", function() fire_once("media-leak-query") end)
  if state.breach ~= "notified" then
    later("ico-inquiry", "4h", function() fire_once("ico-inquiry") end)
  end
end

-- Publish `dur` from now (once).
local function leak_after(dur)
  if state.leak_planned then return end
  state.leak_planned = true
  later("leak", dur, publish_leak)
end

process(function()
  wait("28h")
  if state.seized_early then
    fire_once("ransom-demand", { body = [[
10:00Z Tuesday. GREYWATER's negotiator has set a price on the Tor chat: US$28 million in
Bitcoin to bc1q9v...k4m2, for a decryptor and "deletion" of 410 GB. The NCA says the server that
held the stolen data was seized last night. The affiliate may have only what it copied
elsewhere; its 50 sample files all date from before 28 October. Publication in five days. The
members of the partnership, including both trusts, meet at 10:30 and want a decision by 11:00.
The government's announced ban on ransom payments by public bodies and regulated critical
infrastructure is not yet law; DHSC's position is that the NHS does not pay.]] })
  else
    fire_once("ransom-demand")
  end
  log(state.seized_early and "GREYWATER demands US$28m, but its main copy of the data is gone"
        or "GREYWATER demands US$28m, holding all 410 GB")
  fire_once("le-brief")                    -- Fenwright calls the NCA as the demand lands
  later("data-proof", "1h", function() fire_once("data-proof") end)

  local d = await("ransom-demand", "1h")
  if not d then
    state.extortion = "none"
    rate("extortion", false, "no decision from the partnership by the deadline")
    log("No decision from Fenwright: GREYWATER publishes early to push the board")
    leak_after("2h")
    d = await("ransom-demand")             -- a late decision still shapes what follows
  end
  if d.choice == "refuse" then
    state.extortion = "refused"
    rate("extortion", not d.late, "refused, with the NCA engaged")
    leak_after("10h")
  elseif d.choice == "negotiate" then
    -- Buying time: if the data was seized, law enforcement takes the leak site down first.
    state.extortion = "negotiated"
    rate("extortion", not d.late, "kept the chat open under NCA guidance; no payment")
    leak_after("22h")
  else
    state.extortion = "payment attempted (blocked)"
    rate("extortion", false, "the partnership chose to pay")
    fire_once("payment-blocked")
    -- Payment stalls; half the time the affiliate loses patience and publishes anyway.
    if random(100) <= 50 then leak_after("8h") end
  end
end)

-- D8: tell the ICO now, or wait.
local function notify_ico()
  if state.breach == "notified" then return end
  state.breach = "notified"
  cancel("ico-inquiry")
  log("Brackenmoor notifies the ICO")
  later("ico-ack", "4h", function() fire_once("ico-ack") end)
end

on("decision", "data-proof", function(d)
  if state.breach then                     -- late, after the timeout
    if d.choice == "notify" then notify_ico() end
    return
  end
  if d.choice == "notify" then
    rate("data-breach", not d.late, "ICO notified on the day the theft was confirmed")
    notify_ico()
  else
    state.breach = "waiting"
    rate("data-breach", false, "notification held back for the forensic analysis")
    log("Brackenmoor waits for the forensic analysis before telling the ICO")
  end
end)

on("timeout", "data-proof", function(ev)
  state.breach = "none"
  rate("data-breach", false, "no decision on notifying the ICO")
end)

---------------------------------------------------------------------------------------------
-- PHASE 4: LEAK, RECOVERY & RECONNECTION (Wednesday 06:00Z to Thursday 06:00Z)
---------------------------------------------------------------------------------------------

inject "leak-published" {
  phase = "extortion", to = { "trust-bth", "path-ops", "uk-nca" },
  from = "NHS England CSOC threat intelligence (dark-web monitoring)",
  title = "GREYWATER publishes 410 GB",
  body = [[
GREYWATER has published about 410 GB on its leak site and a Telegram channel. Early sampling
finds LabFlow database exports with test requests and results, transfusion records, and
Fenwright finance and HR files. Records cover several hundred thousand patients of both trusts
and the GP practices, including names, NHS numbers, dates of birth and test descriptions. A
copy is already on a file-sharing site. Journalists and MPs are asking questions.]],
  tlp = "amber",
  expect = "Verify the data; update the ICO; seek an injunction and takedowns; open the NHS "
    .. "England helpline; plan notification of individuals",
}

inject "media-leak-query" {
  phase = "extortion", to = "press",
  from = "The Guardian (email)",
  title = "Guardian: patients' blood test data on the dark web",
  body = [[
"We have seen files from the Fenwright attack that include patients' names, NHS numbers and
blood test results. Will patients be told individually? Is there a helpline? Did Fenwright or
the NHS pay a ransom? We publish in three hours."]],
  tlp = "clear",
  expect = "Agree lines with DHSC, the trusts, Fenwright, the NCA and the ICO; confirm the "
    .. "helpline; warn about scams; say nothing that helps spread the data",
  objective = "public-info",
}

-- D9: reconnection.
inject "reconnect" {
  at = "52h", phase = "recovery", to = "nhs-csoc",
  from = "Fenwright CIO (with Brackenmoor's chief medical officer)",
  title = "Reconnect the rebuilt blood transfusion module tonight?",
  body = [[
10:00Z Wednesday. Fenwright has rebuilt LabFlow BT, the blood transfusion module, from the 25
October tapes on new hosts in a clean domain. Reconnecting it to Brackenmoor would restore
electronic cross-match and issue, and cut group O use by two thirds. Fenwright's response firm
says the rebuild is clean and asks to reconnect at 20:00 tonight. NHS England's reconnection
criteria ask for an independent compromise assessment by an NCSC-assured provider, MFA on all
remote access, and 24 hours of monitoring first: about 14 hours more. Brackenmoor's clinicians
want it tonight. Fenwright needs an answer by 10:45 to book engineers for 20:00.]],
  tlp = "amber",
  choices = { { "assured", "Reconnect only after independent assurance (about 14 hours)" },
              { "fast",    "Reconnect tonight on Fenwright's own assurance" } },
  deadline = "45m",
  expect = "Apply the reconnection criteria; weigh clinical risk (group O use) against "
    .. "reinfection risk with the trust's medical director; record the decision",
  objective = "recovery",
}

inject "press-figures" {
  at = "48h", phase = "recovery", to = "press",
  from = "NHS England regional communications lead",
  title = "First public figures on the disruption",
  body = [[
06:00Z Wednesday. The trusts want to publish their first figures today, as other trusts did
after the 2024 pathology attack: operations and outpatient appointments postponed, blood tests
being processed by mutual aid, and how GP patients should get urgent tests. They also want to
promote NHS Blood and Transplant's O-type donor appeal and the patient helpline in the same
release.]],
  tlp = "clear",
  expect = "Publish figures agreed with both trusts; one coordinated release with the donor "
    .. "appeal and the helpline; plain advice to patients",
  objective = "public-info",
}

inject "reinfection" {
  phase = "recovery", to = { "nhs-csoc", "trust-bth", "path-ops" },
  from = "NHS England CSOC (Defender for Endpoint alert)",
  title = "Beacon from the reconnected transfusion module",
  body = [[
Four hours after reconnection, the restored LabFlow BT application server started beaconing to
198.51.100.77. The tapes from 25 October already held the affiliate's scheduled task. Defender
flagged it, and the link to Brackenmoor has been cut again. Brackenmoor is back on manual
cross-matching, and both estates must be hunted again.]],
  tlp = "amber",
  expect = "Cut the link; hunt both estates; rebuild from known-good media; apply the "
    .. "reconnection criteria in full",
  objective = "recovery",
}

inject "reconnect-ok" {
  phase = "recovery", to = { "nhs-csoc", "trust-bth", "path-ops" },
  from = "Brackenmoor transfusion laboratory",
  title = "Electronic blood issue restored",
  body = [[
LabFlow BT has been reconnected after the independent compromise assessment. The assessors
removed a scheduled task the affiliate had left in the 25 October backup. Electronic
cross-matching and issue are working; group O use is falling. The rest of LabFlow (chemistry,
haematology, microbiology, GP requests) is still weeks away.]],
  tlp = "amber",
  expect = "Monitor; restore the remaining services in the same assured way; tell NHSBT",
  objective = "recovery",
}

inject "recovery-plan" {
  at = "56h", phase = "recovery", to = { "path-ops", "trust-bth" },
  from = "Fenwright Chief Executive",
  title = "Recovery plan for the partnership board",
  body = [[
Recovery plan for the partnership board:
- a new domain with phishing-resistant MFA on every remote-access route, and vendor access
  brokered per session;
- LabFlow chemistry and haematology back in three to four weeks, microbiology and GP requests
  in six;
- a backlog of about 38,000 tests;
- a clinical harm review of every delayed critical result;
- GP practices on urgent requests only until 30 November.
NCSC and the NCA ask that forensic images be kept.]],
  tlp = "amber",
  expect = "Approve a phased recovery; fund the harm review; keep evidence; report progress to "
    .. "the ICB, NHS England and DHSC",
}

inject "nca-affiliate" {
  phase = "recovery", to = { "uk-nca", "us-cisa" },
  from = "NCA NCCU and FBI Cleveland (joint intelligence note)",
  title = "Covert imaging identifies the GREYWATER affiliate",
  body = [[
Hosting payments and the login VPS 192.0.2.66 link the affiliate to a named individual already
known to both agencies, who works for two other ransomware brands. The covert image holds the
affiliate's tools, negotiation notes and victim list, including three more NHS suppliers. The
agencies are considering a joint indictment, sanctions designation, and warning the three
suppliers, without tipping off the affiliate.]],
  tlp = "amber+strict",
  expect = "Warn the three suppliers through the CSOC without naming the source; plan the "
    .. "timing of disruption and designation with the FBI and FCDO",
}

inject "joint-advisory" {
  phase = "recovery", to = ALL,
  from = "NCSC, CISA, FBI and NHS England (joint publication)",
  title = "Joint alert: GREYWATER targeting health suppliers",
  body = [[
NCSC, CISA, the FBI and NHS England publish a joint alert on GREYWATER. It gives indicators
from the UK and US victims, detection guidance (Rclone, AnyDesk, ESXi encryptors run over SSH,
Veeam deletion), and the lesson of both incidents: every remote-access route into health
suppliers needs phishing-resistant MFA, and supplier links into hospitals must be cut fast.]],
  tlp = "clear",
  expect = "Push the advisory to NHS organisations and health suppliers; answer media questions "
    .. "from the published text",
}

inject "endex" {
  at = "71h", phase = "recovery", to = ALL,
  from = "Exercise Control",
  title = "ENDEX approaching",
  body = [[
Play stops at T+71:45 (05:45Z Thursday). Close your open actions, send a final situation report
to your lead (the CSOC, NCSC or DHSC), and note one thing that worked and one that did not, for
the hot wash.]],
  tlp = "clear",
  expect = "Close out actions; final sitrep",
}

-- Phase 4 logic ----------------------------------------------------------------------------

-- Reconnect without independent assurance: the tapes may carry the affiliate's persistence.
local RECONNECT_AT = 62 * HOUR               -- 20:00Z Wednesday

local function fast_reconnect(rated)
  state.reconnect = "fast"
  local risk = state.lateral == "encrypted" and 70 or 40
  local reinfect = random(100) <= risk
  later("reconnected", math.max(0, RECONNECT_AT - now()), function()
    log("Transfusion module reconnected to Brackenmoor on Fenwright's own assurance")
    if reinfect then
      -- The 25 October tapes carried the affiliate's scheduled task.
      later("reinfected", "4h", function()
        state.reinfected = true
        fire_once("reinfection")
        rate("recovery", false, "reconnected without assurance; persistence came back with it")
        log("Restored transfusion module beacons out; the link is cut again")
      end)
    else
      later("reconnect-ok", "1h", function()
        fire_once("reconnect-ok", { title = "Electronic blood issue restored tonight", body = [[
LabFlow BT was reconnected at 20:00 on Fenwright's own assurance. Electronic cross-matching and
issue are working and group O use is falling. No alerts so far, but the independent assessment
has not been done, and the 25 October tapes have not been checked for persistence.]] })
      end)
      later("reinfected", "4h", function()
        if rated then rate("recovery", true, "reconnected fast; no reinfection four hours on") end
        log("No sign of reinfection four hours after the fast reconnection")
      end)
    end
  end)
end

on("decision", "reconnect", function(d)
  if state.reconnect then return end
  if d.choice == "assured" then
    state.reconnect = "assured"
    rate("recovery", not d.late, "reconnected after independent assurance")
    later("reconnected", "14h", function() fire_once("reconnect-ok") end)
  else
    fast_reconnect(not d.late)
  end
end)

on("timeout", "reconnect", function(ev)
  rate("recovery", false, "no reconnection decision by 10:45")
end)

-- The covert image pays off late on Wednesday.
at("62h", function()
  if state.staging == "imaged" then fire_once("nca-affiliate") end
end)

-- The joint alert goes out on Wednesday night. If the UK shared late, the US publishes first.
at("64h", function()
  if state.share_late then
    fire_once("joint-advisory", { from = "CISA and FBI (joint publication)",
      title = "US alert on GREYWATER published without the UK",
      body = [[
CISA and the FBI publish a TLP:CLEAR alert on GREYWATER from the US victims' data. It covers
Rclone, AnyDesk, ESXi encryptors run over SSH and Veeam deletion. The UK indicators came too
late in the drafting to be checked, so NCSC and NHS England are not co-authors and will publish
a UK version tomorrow. UK health suppliers are asking why a US alert came out first.]] })
  else
    fire_once("joint-advisory")
  end
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
    "Fenwright %s; CSOC heard via %s; links cut %s%s; Brackenmoor %s%s; Cat %s; sharing %s%s; "
      .. "staging %s; press %s; ransom %s; leak %s; ICO %s; reconnect %s%s. "
      .. "Objectives met: %d of %d.",
    state.npp_late and (state.npp_late .. " (late)") or state.npp_choice or "?",
    state.csoc_via or "?", state.links_at or "never",
    state.lateral and (" (lateral " .. state.lateral .. ")") or "",
    state.clinical or "?", state.harm and " (patient harm)" or "",
    tostring(state.category or "?"), state.share or "?", state.share_late and " (late)" or "",
    state.staging or "not found",
    state.press or "?", state.extortion or "?", state.leak or "none", state.breach or "?",
    state.reconnect or "none", state.reinfected and " (reinfected)" or "", n, #OBJECTIVES)
  log(path)
  finish("Operation Cold Chain complete. " .. path)
end)

---------------------------------------------------------------------------------------------
-- Hot wash
---------------------------------------------------------------------------------------------

hotwash {
  "When did Fenwright first know enough to call it a cyber attack, and what slowed the report to the CSOC and the trusts?",
  "How did Brackenmoor weigh postponing care against running without pathology, and what data would have helped decide sooner?",
  "Did NCSC's category and DHSC's sitrep give ministers an accurate picture at the right time?",
  "Which TLP labels did you use with CISA, and did any label slow down finding the stolen data?",
  "How were disruption, intelligence and the ransom decision coordinated across the NCA, FBI, DHSC and the partnership board?",
  "Were patients, donors, the ICO and the public told the right things at the right time?",
  "What assurance should a supplier give before it reconnects to a hospital, and who decides?",
  "What one improvement will your organisation make in the next 90 days?",
}
