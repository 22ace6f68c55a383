--[[
Operation Dark Current: a destructive attack on the all-island grid
===================================================================

A 48-hour cross-border response to a destructive attack on the electricity system of Northern
Ireland and Ireland. T+0 is Tuesday 8 December 2026, 16:30Z, just before the winter evening
peak. Irish and UK local time is GMT (= Z) in December; US Eastern is EST (Z-5).

The story. A state-sponsored destructive group, tracked here as CINDER HAWK, has been inside
Lagan Grid Ltd, the (fictional) transmission system operator for Northern Ireland, since
September. Its tradecraft follows the public record of attacks on power grids and their
suppliers:
  * Ukraine 2015: stolen VPN credentials; breakers opened from the operators' own SCADA; a wiper
    (KillDisk) run at the same time; the control centre's UPS scheduled to switch off; serial
    converters bricked; the call centre flooded.
  * Industroyer (2016) and Industroyer2 (2022): an IEC 60870-5-104 payload with the victim's
    RTU addresses built in; protection relays attacked; a wiper (CaddyWiper) pushed by Group
    Policy to slow recovery. Here the payload is TIDEBREAK and the wiper ASHFALL.
  * NotPetya (2017): a wiper "not designed to be decrypted" that spreads with stolen credentials
    over trust relationships. ASHFALL spreads from Lagan into the shared all-island domain and,
    through its trust, towards Boyne Grid DAC, the (fictional) transmission operator for Ireland.
  * AcidRain (Viasat, 2022): a vendor's device-management platform abused to push wiping
    firmware to field routers. Here 2,310 Fieldhaven FL-400 cellular routers at wind farms are
    bricked, and Boyne loses remote dispatch of 1,140 MW of wind (the wind farms keep running,
    as Enercon's turbines did in 2022).
A "hacktivist" persona, BLACKOUT COLLECTIVE, claims the attack on Telegram; it is a front.

The grid. Northern Ireland and Ireland share one synchronous system and one wholesale market.
Lagan (Belfast) and Boyne (Dublin) run it jointly through a shared Active Directory domain,
allisland.example. It hosts the joint outage-planning platform (JOP, in Belfast) and the
All-Island Market Operator's (AIMO) balancing-market servers (in Dublin). The North-South 275 kV
tie runs Drumbracken (NI) to Ardcairn (IE). A 110 kV circuit from Tullyard (NI) feeds north-west
Donegal while Boyne's Letterbeg-Kilmacreen line is out for maintenance, so the attack cuts
customers on both sides of the border: 186,000 in Northern Ireland and 41,000 in Donegal.

Lines of effort. UK: NCSC (national CSIRT, incident category, NIS single point of contact);
Department of Finance (NI) as NIS competent authority for NI energy, with the Utility Regulator;
DfE as lead NI department; the NI Civil Contingencies Group and COBR; PSNI Cyber Crime Centre
with the NCA. Ireland: NCSC-IE (national CSIRT, EU CSIRTs Network and EU-CyCLONe); the CRU
(energy regulator; NIS2 competent authority for energy, assumed in force by the exercise date:
24-hour early warning, 72-hour notification); the National Emergency Coordination Group (NECG)
chaired by DECC as lead government department; An Garda Siochana's National Cyber Crime Bureau.
US: CISA (ICS vendor coordination with the router maker), DOE CESER (energy SRMA) and E-ISAC.

Decision points, and what each changes:
  D1 lgo-breakers-open  Lagan severs IT/OT, shuts the front-end processors and switches by
                        hand, or keeps the EMS up and re-closes remotely. Keeping it up lets
                        the attacker finish an OT Group Policy: the EMS and the backup control
                        centre are wiped at 18:02Z and restoration runs blind.
  D2 ncsc-uk-share      NCSC (UK) shares ASHFALL indicators with NCSC-IE at AMBER (NCSC-IE may
                        warn Boyne), at AMBER+STRICT (NCSC-IE must ask permission, or break the
                        label: minor decision ie-ncsc-strict), or waits for full analysis
                        (held contingency ie-ncsc-asks). This sets when Boyne is warned.
  D3 bgo-warning        Boyne severs the shared domain and shuts the market servers (the
                        all-island market is suspended) or keeps the market up and blocks
                        hashes (a repacked build gets past the blocks half the time). Dormant
                        copies on the market servers wake at 19:10Z: if Boyne has not acted by
                        then, they spread into its corporate network and wipe.
  D4 lgo-restore        Lagan re-energises as crews arrive, or checks every protection relay
                        first. TIDEBREAK put two relays in test mode; closing onto a fault there
                        may destroy a transformer (random, 50%).
  D5 necg-convene       Dublin convenes the NECG jointly with Belfast and London, or alone.
                        Alone leads to contradictory public lines (held contingency
                        conflicting-lines, which offers a second chance).
  D6 media-query        The press cell confirms a cyber incident, calls it a "technical fault",
                        or declines. The fault line is contradicted by the Telegram claim
                        (credibility-hit); silence lets rumours jam the power-cut lines
                        (rumour-flood).
  D7 evidence-request   PSNI asks for targeted images before the rebuild, a full forensic hold
                        (the rebuild slips a day), or no hold (evidence is lost and the joint
                        advisory cannot attribute).
  D8 cisa-vendor        CISA presses Fieldhaven to suspend firmware pushes and publish, or
                        notifies US customers privately. A second push at 00:30 EST is blocked
                        only if the platform was suspended.
Minor decisions: ie-ncsc-strict (ask permission, or pass an AMBER+STRICT report on), ie-ncsc-asks
(the share again, under pressure), conflicting-lines (rejoin, or stay separate), eu-cyclone
(request EU Cybersecurity Reserve support, or not).

Deadlines are short enough that slow bots sometimes miss them, so headless runs also cover the
timeout branches. A late decision is still honoured where it would change the story (a late
"manual" still saves the EMS), but objectives that depend on timing stay missed. Every
objective is rated once on every path; any still open at ENDEX is rated missed.

All organisations except government bodies are fictional. IP addresses come from the ranges
reserved for documentation (RFC 5737), the ASN from RFC 5398, and domains end in .example.
]]

scenario {
  id = "grid-wiper",
  title = "Operation Dark Current",
  summary = "Cross-border response to a destructive wiper and SCADA attack on the Northern "
    .. "Ireland transmission operator that cuts power on both sides of the border and spreads "
    .. "towards the Irish operator. Covers OT isolation, UK-Ireland sharing under TLP, safe "
    .. "restoration, emergency coordination, public warning, evidence and a US router vendor.",
  start = "2026-12-08T16:30:00Z",
  duration = "48h",
  tlp = "amber",
}

---------------------------------------------------------------------------------------------
-- Organisations and roles
---------------------------------------------------------------------------------------------

org "lagan"      { name = "Lagan Grid Ltd (transmission system operator, Northern Ireland)",
                   team = "uk" }
org "boyne"      { name = "Boyne Grid DAC (transmission system operator, Ireland)", team = "ie" }
org "ncsc-uk"    { name = "National Cyber Security Centre (UK)", team = "uk",
                   clients = { "lagan" } }
org "ncsc-ie"    { name = "National Cyber Security Centre (Ireland)", team = "ie",
                   clients = { "boyne", "decc" } }
org "decc"       { name = "Department of the Environment, Climate and Communications "
                     .. "(lead government department for energy emergencies)", team = "ie" }
org "psni"       { name = "Police Service of Northern Ireland, Cyber Crime Centre", team = "uk" }
org "cisa"       { name = "Cybersecurity and Infrastructure Security Agency", team = "us",
                   clients = { "fieldhaven" } }
org "fieldhaven" { name = "Fieldhaven Networks Inc. (router vendor, Denver; played by Exercise "
                     .. "Control)", team = "us" }

role "lgo-soc"  { name = "Lagan Grid incident management (SOC and control-centre liaison)",
                  org = "lagan", delay = { "3m", "15m" } }
role "bgo-soc"  { name = "Boyne Grid National Control Centre and SOC", org = "boyne",
                  delay = { "3m", "20m" } }
role "uk-ncsc"  { name = "NCSC Incident Management", org = "ncsc-uk", delay = { "5m", "30m" } }
role "ie-ncsc"  { name = "NCSC-IE (CSIRT-IE) duty officer", org = "ncsc-ie",
                  delay = { "5m", "30m" } }
role "ie-necg"  { name = "NECG secretariat (DECC energy emergency lead)", org = "decc",
                  delay = { "10m", "45m" } }
role "psni"     { name = "PSNI Cyber Crime Centre (duty detective inspector)", org = "psni",
                  delay = { "15m", "1h" } }
role "press"    { name = "Government Information Service, NECG media cell", org = "decc",
                  public = true, delay = { "5m", "40m" } }
role "us-cisa"  { name = "CISA Central", org = "cisa", delay = { "10m", "45m" } }

local ALL = { "lgo-soc", "bgo-soc", "uk-ncsc", "ie-ncsc", "ie-necg", "psni", "press", "us-cisa" }

---------------------------------------------------------------------------------------------
-- Objectives (each is rated once: met or missed)
---------------------------------------------------------------------------------------------

objective "isolate-ot" { capability = "Cybersecurity",
  text = "Lagan Grid cuts the attacker's path into OT before the EMS can be wiped" }
objective "share-ie" { capability = "Intelligence and Information Sharing",
  text = "NCSC (UK) gives NCSC-IE indicators it can pass to Boyne Grid within 40 minutes of "
    .. "being asked" }
objective "contain-spread" { capability = "Cybersecurity",
  text = "ASHFALL is kept out of Boyne Grid's corporate network and the all-island market "
    .. "servers" }
objective "restore-safe" { capability = "Infrastructure Systems",
  text = "Lagan Grid restores supply only after checking protection, without damage or injury" }
objective "coordination" { capability = "Operational Coordination",
  text = "Dublin, Belfast and London run one cross-border coordination structure with a "
    .. "shared picture" }
objective "public-warning" { capability = "Public Information and Warning",
  text = "The public gets accurate, timely information on the cause, restoration and safety" }
objective "evidence" { capability = "Forensics and Attribution",
  text = "Evidence is preserved for investigation and attribution without delaying recovery" }
objective "vendor" { capability = "Supply Chain Integrity and Security",
  text = "CISA and Fieldhaven close the abused firmware-push channel before it can be reused" }

local OBJECTIVES = { "isolate-ot", "share-ie", "contain-spread", "restore-safe",
                     "coordination", "public-warning", "evidence", "vendor" }

---------------------------------------------------------------------------------------------
-- Phases
---------------------------------------------------------------------------------------------

phase "impact"       { title = "Detonation and loss of supply",  at = "0m" }
phase "coordination" { title = "Cross-border coordination",      at = "2h" }
phase "restoration"  { title = "Restoration and investigation",  at = "10h" }
phase "recovery"     { title = "Recovery and attribution",       at = "36h" }

---------------------------------------------------------------------------------------------
-- Helpers used by the branch logic. Mutable facts live in `state`; timer handles (which are
-- not plain data) live in the local `pending`.
---------------------------------------------------------------------------------------------

local MIN, HOUR = 60, 3600
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

-- Seconds from now until T+`secs` (at least one second, so it is never in the past).
local function until_t(secs)
  return math.max(1, secs - now())
end

-- Clock time of "now" as HH:MMZ (T+0 is 16:30Z), for log lines and notes.
local function clock()
  local m = (16 * 60 + 30 + now() // 60) % (24 * 60)
  return string.format("%02d:%02dZ", m // 60, m % 60)
end

---------------------------------------------------------------------------------------------
-- PHASE 1: DETONATION AND LOSS OF SUPPLY (T+0 to T+2h)
---------------------------------------------------------------------------------------------

inject "lgo-gpo-alert" {
  at = "12m", phase = "impact", to = "lgo-soc",
  from = "Lagan Grid SOC, SIEM rule LGO-AD-031 (new domain-wide GPO)",
  title = "New Group Policy pushed a scheduled task to every domain computer; hosts dying",
  body = [[
16:42Z. At 16:21Z account adm-rquinn created GPO "WinDefend Policy Refresh" and linked it at
the root of corp.lagangrid.example, working from jump host LGO-JMP-03. It registers task
"DfrgSvcSync" to run \\corp.lagangrid.example\SYSVOL\...\dfrgsvc.exe at 16:40Z. Since 16:40Z
EDR has lost 212 endpoints and 31 servers. The service desk has 40 calls: "Operating system
not found".
adm-rquinn's owner is on leave. The account logged on to VPN at 15:56Z from 203.0.113.45,
approving an MFA push on a phone re-registered through the service desk on 2 December.
Between 16:41 and 16:44Z, before they went dark, several hosts opened SMB sessions as
svc-jop-sync to the JOP servers and to 10.80.2.0/24, the allisland.example segment in Boyne's
Dublin data centre.]],
  tlp = "amber+strict",
  expect = "Treat as a destructive attack: unlink the GPO, disable adm-rquinn and svc-jop-sync, "
    .. "kill VPN sessions, isolate survivors, invoke the major-incident plan, report to NCSC",
}

-- D1: the Ukraine 2015 moment. Sever and switch by hand, or fight for the EMS.
inject "lgo-breakers-open" {
  at = "22m", phase = "impact", to = "lgo-soc",
  from = "Lagan Grid Transmission Control Centre, Belfast (senior control engineer)",
  title = "Breakers opened by SCADA commands nobody issued; 186,000 customers off supply",
  body = [[
16:52Z. Between 16:47 and 16:51Z the EMS logged 27 breaker OPEN commands. They came from
front-end processor LGO-FEP-01 over IEC 60870-5-104 to RTUs at nine substations.
- 16:47:12Z: the North-South 275 kV tie opened at Drumbracken while importing 312 MW. NI
  frequency fell to 49.18 Hz. Low-frequency demand disconnection operated and the NI-Scotland
  HVDC link's emergency assistance kicked in.
- Seven 110 kV bulk supply points are open: about 186,000 customers in NI are off.
- Tullyard-Letterbeg 110 kV is open. Letterbeg-Kilmacreen is out for planned work, so about
  41,000 customers in north-west Donegal are off as well.
Controllers re-closed four breakers from the HMI; each opened again within two minutes. Two
operator consoles that are also joined to the corporate domain for email have rebooted to a
black screen. EDR shows adm-rquinn's OT twin, ot-adm-rquinn, in an RDP session from LGO-JMP-03
to the OT domain controller LGO-OTDC-01 since 16:44Z. The EMS, both FEPs and the Antrim backup
control centre are all in ot.lagangrid.example.]],
  tlp = "amber+strict",
  choices = { { "manual", "Sever IT/OT links, shut down both FEPs, switch by hand on site" },
              { "remote", "Keep the EMS up: kill the process on FEP-01 and re-close remotely" } },
  deadline = "20m",
  expect = "Cut the IT/OT conduit and the attacker's session; stop the FEPs; dispatch crews for "
    .. "local switching; invoke Grid Code emergency procedures; tell Boyne by hotline",
  objective = "isolate-ot",
}

inject "hotline-boyne" {
  at = "25m", phase = "impact", to = "bgo-soc",
  from = "Lagan Grid control centre (TSO-to-TSO hotline)",
  title = "Lagan: tie trip caused by \"a SCADA problem, maybe cyber\"",
  body = [[
16:55Z. Lagan's senior control engineer on the hotline: "Breakers are opening on their own
across our network. The tie is open and we've lost Tullyard-Letterbeg, so your north-west
Donegal load is off. It looks like a SCADA problem, maybe cyber. Our corporate IT is falling
over. I can't tell you when we'll re-close."
With the 312 MW export gone, frequency on the Irish side peaked at 50.31 Hz and is settling at
50.12 Hz. Wind output is 2,480 MW, about half of demand.]],
  tlp = "amber",
  expect = "Rebalance generation; plan the Donegal restoration (recall Letterbeg-Kilmacreen from "
    .. "its outage); alert Boyne's SOC; ask Lagan what \"cyber\" means for the shared systems",
}

inject "bgo-wind-telemetry" {
  at = "38m", phase = "impact", to = "bgo-soc",
  from = "Boyne Grid NCC, wind dispatch desk",
  title = "38 wind farms (1,140 MW) stop answering dispatch",
  body = [[
17:08Z. Between 16:58 and 17:04Z the Fieldhaven FL-400 cellular routers at 38 wind farms went
offline. The vendor's portal, devicecloud.fieldhaven.example, shows a firmware job
"4.2.7-hotfix" started at 16:55Z by API account svc-fleetops against 2,310 routers, most of them
in Ireland and the UK. The turbines are still generating, 1,140 MW between them, but the NCC can
neither curtail nor dispatch them. With the tie open and frequency high, controllers are phoning
wind farm operators to send staff to site to curtail by hand. It looks like the Viasat modem
wipe of February 2022.]],
  tlp = "amber",
  expect = "Curtail by phone; keep enough conventional units on for inertia; tell NCSC-IE and "
    .. "Fieldhaven; check other vendor-managed remote access into Boyne's OT",
}

inject "lgo-ncsc-report" {
  at = "45m", phase = "impact", to = "uk-ncsc",
  from = "Lagan Grid CISO (phone to NCSC Incident Management, then the incident report form)",
  title = "Destructive attack on Lagan Grid: loss of supply across Northern Ireland",
  body = [[
Lagan Grid (NIS operator of essential services, electricity transmission, NI) reports:
- a wiper pushed by Group Policy at 16:40Z to about 1,900 corporate hosts; just before they
  died, some of them opened SMB sessions into the shared allisland.example domain, in Belfast
  and in Dublin;
- unauthorised IEC-104 breaker commands from an OT front-end processor at 16:47Z;
- 186,000 NI customers and about 41,000 in Donegal are off supply.
Access was by VPN as adm-rquinn from 203.0.113.45. We recovered dfrgsvc.exe from a host that
had not rebooted. We have told Boyne Grid's control room by hotline, but have not shared
technical indicators with anyone. We have not yet told the Department of Finance (NIS) or DfE.
We want NCSC on site, and we ask that our name stays out of anything shared abroad for now.]],
  tlp = "amber+strict",
  expect = "Categorise (Category 1 or 2); deploy incident responders; task malware analysis; "
    .. "brief the Cabinet Office and NIO; plan what to share with NCSC-IE and when",
}

inject "lgo-ups" {
  at = "50m", phase = "impact", to = "lgo-soc",
  from = "Lagan Grid facilities duty manager (Belfast control centre)",
  title = "Control-centre UPS scheduled to switch off at 17:45Z",
  body = [[
17:20Z. The network management cards on both UPS units feeding the Belfast control room show a
"scheduled shutdown" at 17:45Z, with no restart. The schedule was set at 16:33Z through the
cards' web interface from 10.12.4.50, which is LGO-JMP-03. If it runs, the consoles, the
wall display and the voice system lose power until someone bypasses the UPS by hand. In
Ukraine in 2015 the attackers did the same to control-centre UPSs.]],
  tlp = "amber+strict",
  expect = "Cancel the schedule at the unit's front panel; put the UPS on maintenance bypass "
    .. "under supervision; take the cards off the network; check the backup control centre",
}

inject "ie-ncsc-first-report" {
  at = "55m", phase = "impact", to = "ie-ncsc",
  from = "Boyne Grid Head of Cyber Security (phone to the NCSC-IE duty officer)",
  title = "Boyne: wind farm routers bricked, tie tripped, Lagan says \"cyber\"",
  body = [[
17:25Z. Boyne reports: the North-South tie tripped at 16:47Z and 41,000 customers in
north-west Donegal are off. Fieldhaven routers at 38 wind farms were bricked by a firmware push
at 16:55Z, so 1,140 MW of wind cannot be dispatched. Lagan's control room mentioned "cyber".
Boyne's corporate network looks normal, but Boyne shares the allisland.example domain with
Lagan: the AIMO market servers in Dublin sit in it. "What is Lagan seeing? Are we next?"]],
  tlp = "amber",
  expect = "Open a case; ask NCSC (UK) for indicators; warn other Irish operators that use "
    .. "Fieldhaven routers; give the EU CSIRTs Network a heads-up",
}

-- D2: what NCSC (UK) shares with NCSC-IE, and at what label.
inject "ncsc-uk-share" {
  at = "1h5m", phase = "impact", to = "uk-ncsc",
  from = "NCSC malware analysis duty lead",
  title = "Share ASHFALL indicators with NCSC-IE now?",
  body = [[
17:35Z. First triage of dfrgsvc.exe, which we are calling ASHFALL:
- It overwrites the first 10 MB of every physical disk, then user and database files, then
  forces a reboot. It is not designed to be recovered from.
- It also spreads: it harvests credentials from LSASS and copies itself over ADMIN$ and WMI to
  reachable hosts, including across domain trusts. Copies that arrive by spreading lie dormant,
  then spread again and wipe at a time set in an encrypted configuration we have not yet
  decoded.
- Lagan saw SMB as svc-jop-sync into allisland.example in Dublin at 16:41-16:44Z. That domain
  trusts Boyne Grid's corporate domain.
Indicators: SHA-256 9c2e...41ab; task DfrgSvcSync; GPO "WinDefend Policy Refresh"; VPN source
203.0.113.45; staging host 198.51.100.61. NCSC-IE has asked. Lagan wants its name protected.
Full reverse engineering will take two to three hours.]],
  tlp = "amber+strict",
  choices = { { "amber",  "Share with NCSC-IE now at TLP:AMBER (they may warn Boyne)" },
              { "strict", "Share at TLP:AMBER+STRICT (NCSC-IE only)" },
              { "wait",   "Wait for the full analysis before sharing" } },
  deadline = "40m",
  expect = "Share sanitised, actionable indicators at once at a label that lets NCSC-IE warn "
    .. "Boyne; agree with Lagan what identifies it",
  objective = "share-ie",
}

inject "ie-ncsc-receives" {
  phase = "impact", to = "ie-ncsc",
  from = "NCSC (UK) Incident Management, via the NCSC-to-NCSC-IE liaison channel",
  title = "NCSC (UK): ASHFALL indicators, TLP:AMBER",
  body = [[
TLP:AMBER. You may share with your clients on a need-to-know basis. ASHFALL is a destructive
wiper with a spreading module: it uses stolen credentials (here svc-jop-sync) and crosses domain
trusts. Copies that arrive by spreading lie dormant for a time we have not yet decoded, then
spread again and wipe. Our victim saw SMB into allisland.example (10.80.2.0/24) in Dublin at
16:41-16:44Z. Indicators: SHA-256 9c2e...41ab; task DfrgSvcSync; 203.0.113.45; 198.51.100.61. We
judge Boyne Grid exposed. Please warn it now.]],
  tlp = "amber",
  expect = "Warn Boyne at once with the indicators and the trust path; follow up in writing",
  objective = "share-ie",
}

-- Minor decision, only on the AMBER+STRICT path: the label stops NCSC-IE warning Boyne.
inject "ie-ncsc-strict" {
  phase = "impact", to = "ie-ncsc",
  from = "NCSC (UK) Incident Management, via the NCSC-to-NCSC-IE liaison channel",
  title = "NCSC (UK): ASHFALL indicators, TLP:AMBER+STRICT",
  body = [[
TLP:AMBER+STRICT: for NCSC-IE only. The indicators show a wiper that spreads over domain trusts,
with SMB into allisland.example in Dublin at 16:41-16:44Z. That domain trusts Boyne Grid's
corporate network. Copies that arrive by spreading lie dormant for an unknown time, then spread
again and wipe. You can see that Boyne is exposed, but the label does not let you tell it. NCSC
(UK) can relabel only with the victim's consent.]],
  tlp = "amber+strict",
  choices = { { "ask",  "Ask NCSC (UK) to relabel, then warn Boyne" },
              { "pass", "Warn Boyne now and tell NCSC (UK) afterwards" } },
  deadline = "30m",
  expect = "Ask for permission by phone at once, and meanwhile give Boyne a generic warning that "
    .. "does not break the label",
}

-- Contingency: NCSC-IE escalates if NCSC (UK) holds its indicators.
inject "ie-ncsc-asks" {
  contingency = true, phase = "impact", to = "uk-ncsc",
  from = "Director, NCSC-IE (call to the NCSC Director of Operations)",
  title = "NCSC-IE: \"Our market servers are in the blast radius. We need it now.\"",
  body = [[
The Director of NCSC-IE has called. Boyne Grid sees SMB sessions as svc-jop-sync from Lagan's
address space into the AIMO market servers in Dublin. NCSC-IE knows a wiper is involved, but it
has nothing to hunt with. "If it's what hit Lagan, we have an hour at most. We need your
indicators now, at a label that lets us tell Boyne."]],
  tlp = "amber+strict",
  choices = { { "amber",  "Share with NCSC-IE now at TLP:AMBER" },
              { "strict", "Share with NCSC-IE now at TLP:AMBER+STRICT" } },
  deadline = "30m",
  expect = "Share at once at TLP:AMBER; repair the relationship at working level",
  objective = "share-ie",
}

-- Contingency: only if NCSC-IE passed an AMBER+STRICT report to Boyne.
inject "tlp-breach" {
  contingency = true, phase = "coordination", to = { "uk-ncsc", "ie-ncsc" },
  from = "Lagan Grid CISO (email to NCSC Incident Management, copied to NCSC-IE)",
  title = "Lagan: \"Our hostnames are in Boyne's ticket system. Who agreed that?\"",
  body = [[
Lagan's CISO has found that Boyne's incident ticket quotes LGO-JMP-03, adm-rquinn and Lagan's
internal address ranges, taken from NCSC's AMBER+STRICT report. "We asked for our name to be
protected. We don't object to Boyne being warned, but nobody asked us." Lagan's lawyers want to
know who else has the report.]],
  tlp = "amber+strict",
  expect = "Own it together; agree a relabelled version; reset expectations on consent in a "
    .. "crisis; keep the channel working",
}

inject "psni-tasking" {
  at = "1h10m", phase = "impact", to = "psni",
  from = "PSNI Gold commander (Operation Dark Current)",
  title = "Criminal investigation into the attack on Lagan Grid",
  body = [[
17:40Z. NCSC and Lagan Grid have reported a deliberate cyber attack that has cut power to about
186,000 customers in Northern Ireland. Gold has declared a critical incident. You are the cyber
investigation lead. The NCA's National Cyber Crime Unit has offered support. The Garda National
Cyber Crime Bureau tells us the outage reaches into Donegal and has opened its own file. Lagan
says its priority tonight is restoring supply, and it will not want police in the control room.]],
  tlp = "amber",
  expect = "Open an investigation; set an evidence strategy with Lagan and NCSC that does not "
    .. "slow restoration; link up with NCA and GNCCB",
}

inject "tdos" {
  at = "1h25m", phase = "impact", to = "psni",
  from = "NorthLink Networks (NI distribution network operator) contact centre",
  title = "Power-cut line flooded by automated calls",
  body = [[
17:55Z. The NI power-cut line took 11,400 calls in 25 minutes. About 80% came from spoofed
international numbers and played silence. Genuine callers, including customers on the
medical-dependency register, cannot get through. The Donegal fault line is also saturated. In
Ukraine in 2015 the attackers flooded the call centres in the same way.]],
  tlp = "amber",
  expect = "Ask the carriers to filter and trace and keep the call records; alert the press "
    .. "cell so the public is given other routes; prioritise welfare checks",
}

inject "lgo-ems-holds" {
  phase = "impact", to = { "lgo-soc", "uk-ncsc" },
  from = "Lagan Grid OT security lead",
  title = "OT Group Policy found before it ran; EMS intact in isolated mode",
  body = [[
Cutting the IT/OT conduit killed ot-adm-rquinn's RDP session. Sweeping the OT domain controller,
the OT team found GPO "OT Time Sync Policy", created at 16:50Z in ot.lagangrid.example. It runs
an immediate task: dfrgsvc.exe from OT SYSVOL. It was due to apply to the EMS servers at their
next policy refresh, from about 17:50Z. It has been unlinked and removed. The EMS is intact and
running view-only, and FEP-01's disk is preserved. With both FEPs down, 24 field staff are
heading to nine substations to switch by hand.]],
  tlp = "amber+strict",
  expect = "Keep OT isolated; verify no other OT GPOs; plan manual restoration; preserve FEP-01",
}

inject "lgo-ems-wiped" {
  phase = "impact", to = { "lgo-soc", "uk-ncsc" },
  from = "Lagan Grid Transmission Control Centre, Belfast",
  title = "EMS and backup control centre wiped; control by phone and radio",
  body = [[
18:02Z. EMS servers LGO-EMS-01 to 04, the historian and the operator-console servers rebooted to
"Operating system not found". They picked up GPO "OT Time Sync Policy", created at 16:50Z in
ot.lagangrid.example by ot-adm-rquinn from LGO-JMP-03; his session was still open at 17:55Z. The
Antrim backup control centre is in the same domain and has gone the same way. The breakers
re-closed remotely opened again three times before FEP-01 died. Controllers now have no view of
the network: control is by phone and radio with field staff, and substations are being manned as
crews arrive.]],
  tlp = "amber+strict",
  expect = "Sever IT/OT now; man substations; set up a paper-based control room; ask NCSC for "
    .. "on-site support",
}

-- D4: re-energise as crews arrive, or check protection first (Industroyer's relay attack).
inject "lgo-restore" {
  phase = "impact", to = "lgo-soc",
  from = "Lagan Grid Head of Network Operations",
  title = "Crews on site: re-energise now, or check protection first?",
  body = [[
18:10Z. Crews are at five of the nine substations, and the rest will be there by 18:40Z.
Carnmore's crew reports that the 110 kV feeder relay shows "TEST MODE" on its front panel, and
the serial-to-Ethernet converter beside it is dead. Nobody at Lagan put it there.
Option A: close each bulk supply point as soon as its crew is ready. Most customers would be
back by about 21:00Z.
Option B: check every relay's settings and firmware against the golden copies before closing.
That adds 40-60 minutes per site; the last customers would be back around midnight.
The TIDEBREAK payload may have touched protection. We cannot yet say where.]],
  tlp = "amber+strict",
  choices = { { "verify", "Check protection at every site before closing" },
              { "fast",   "Re-energise as each crew is ready" } },
  deadline = "25m",
  expect = "Safety first: verify protection before re-energising; tell DfE, Boyne and the "
    .. "distribution operator the realistic restoration times",
  objective = "restore-safe",
}

inject "relays-tampered" {
  phase = "coordination", to = { "lgo-soc", "uk-ncsc" },
  from = "Lagan Grid protection engineering (field crews)",
  title = "Two relays had tripping disabled; reset from golden copies",
  body = [[
At Carnmore and Lisnagore, the 110 kV relays' active settings group had been switched at
16:49Z to a test group with trip outputs disabled. The change came through the serial-to-
Ethernet converters, using the relay engineering tool installed on FEP-01. Both converters'
firmware has been overwritten and they no longer respond. The relays have been reset from the
golden settings and the converters bypassed. Without the check, a fault at either site would
not have been cleared until the upstream backup protection operated.]],
  tlp = "amber",
  expect = "Record the settings as evidence; check every other site; share the technique with "
    .. "Boyne and NCSC",
}

inject "restore-fault" {
  phase = "coordination", to = { "lgo-soc", "uk-ncsc", "ie-necg" },
  from = "Lagan Grid Head of Network Operations",
  title = "Carnmore: breaker closed onto a fault; transformer destroyed",
  body = [[
When Carnmore 110 kV was re-energised, the breaker closed onto a fault on the 33 kV side. The
feeder relay was in test mode and did not trip. Upstream backup protection cleared the fault
after 1.8 seconds. Transformer T2 failed and caught fire. The crew withdrew as trained and
nobody is hurt. The fire service is on site. About 23,000 customers around Carnmore will be
off until they can be back-fed at 33 kV and mobile generation is installed, roughly 30 hours.
A check at Lisnagore finds its relay in the same state.]],
  tlp = "amber",
  expect = "Stop and check protection everywhere; report to HSENI and the Utility Regulator; "
    .. "plan welfare for 23,000 customers overnight; update public lines",
}

inject "supply-restored" {
  phase = "coordination", to = { "lgo-soc", "bgo-soc", "ie-necg" },
  from = "Lagan Grid and Boyne Grid control rooms (joint update)",
  title = "Supply restored",
  body = [[
All bulk supply points in Northern Ireland are back on. The last customers were restored at
23:52Z after every relay had been checked. Boyne recalled Letterbeg-Kilmacreen from its planned
outage, and north-west Donegal was back at 20:40Z. The North-South tie stays open until
Lagan's control system can be trusted. Nine substations remain staffed around the clock.]],
  tlp = "amber",
  expect = "Keep the substations manned; plan the tie's return with Boyne; tell the public",
}

-- D3: Boyne's choice between the market and containment.
inject "bgo-warning" {
  phase = "impact", to = "bgo-soc",
  from = "NCSC-IE duty officer (phone, then secure email)",
  title = "ASHFALL can reach you through allisland.example",
  body = [[
NCSC-IE passes on a partner's indicators. ASHFALL, the wiper that hit Lagan, spreads with
harvested credentials (svc-jop-sync) and crosses domain trusts. Copies that arrive by
spreading lie dormant for a time nobody has decoded yet, then spread again and wipe. Lagan's
hosts opened SMB into 10.80.2.0/24 at 16:41-16:44Z, and the AIMO market servers in Dublin sit
in that segment. allisland.example trusts corp.boynegrid.example. Indicators:
SHA-256 9c2e...41ab; task DfrgSvcSync; 203.0.113.45; 198.51.100.61.
Option A: cut the link and the trust, disable svc-jop-sync, and shut the market servers down
cleanly. AIMO would then have to suspend the all-island market.
Option B: keep the market running. Push the hashes and task name to EDR as blocks, and reset
svc-jop-sync.]],
  tlp = "amber",
  choices = { { "sever", "Cut allisland.example off and shut the market servers down" },
              { "block", "Keep the market running; block the indicators in EDR" } },
  deadline = "30m",
  expect = "Contain first: sever the trust and the segment; tell AIMO, the CRU and the SEM "
    .. "Committee why the market is suspended",
  objective = "contain-spread",
}

inject "bgo-protected" {
  phase = "coordination", to = { "bgo-soc", "ie-ncsc" },
  from = "Boyne Grid SOC",
  title = "ASHFALL stopped at the edge of Boyne's network",
  body = [[
Forensic copies of the two AIMO market servers, taken after the clean shutdown, show dfrgsvc.exe
dormant on both since 16:43Z, set to wake at 19:10Z, spread across the trust and wipe. Nothing
reached corp.boynegrid.example. The market servers will be rebuilt from clean images before they
are reconnected. AIMO has suspended the balancing market and moved to administered scheduling.]],
  tlp = "amber",
  expect = "Rebuild the segment from clean images; hunt corp.boynegrid.example; brief AIMO "
    .. "and the CRU",
}

inject "bgo-wiper-hit" {
  phase = "coordination", to = { "bgo-soc", "ie-ncsc" },
  from = "Boyne Grid SOC",
  title = "ASHFALL detonates in Dublin: market servers and 640 devices wiped",
  body = [[
19:10Z. Dormant ASHFALL copies on both AIMO market servers woke, spread across the trust as
svc-jop-sync, and wiped. By 19:40Z the two market servers, 18 Boyne corporate servers and about
620 laptops showed "Operating system not found". Boyne's email and phone system are down. The
NCC's EMS sits in a separate OT domain with no trust to corporate and is unaffected: the control
room still sees and controls the grid. The all-island market cannot run.]],
  tlp = "amber",
  expect = "Sever whatever is still connected; run the grid from the NCC; stand up out-of-band "
    .. "communications; tell NCSC-IE, the CRU and AIMO",
}

-- Phase 1 logic ----------------------------------------------------------------------------

local EMS_WIPE = 1 * HOUR + 32 * MIN     -- 18:02Z: the OT Group Policy applies to the EMS
local WORM     = 2 * HOUR + 40 * MIN     -- 19:10Z: ASHFALL copies in Dublin start wiping

-- D1: sever and switch by hand, or keep the EMS up.
local function go_manual(late)
  state.ems = "manual"
  cancel("ems-wipe")
  rate("isolate-ot", not late, late and "severed after the deadline; the EMS was saved anyway"
       or "IT/OT severed and FEPs stopped before the OT Group Policy applied")
  log("Lagan severs IT/OT at " .. clock() .. " and moves to manual switching")
  later("ems-holds", "40m", function() fire_once("lgo-ems-holds") end)
end

local function go_remote(note)
  state.ems = "remote"
  rate("isolate-ot", false, note)
  later("ems-wipe", until_t(EMS_WIPE), function()
    state.ems = "wiped"
    fire_once("lgo-ems-wiped")
    log("The EMS and the Antrim backup control centre are wiped")
  end)
end

on("decision", "lgo-breakers-open", function(d)
  if state.ems == "manual" or state.ems == "wiped" then return end
  if d.choice == "manual" then
    go_manual(d.late)
  elseif not state.ems then
    go_remote("kept the EMS connected; the attacker finished the OT Group Policy")
  end
end)

on("timeout", "lgo-breakers-open", function(ev)
  log("No decision on OT isolation by 17:12Z: controllers keep trying to re-close remotely")
  go_remote("no decision on OT isolation within 20 minutes")
end)

-- D2, D3: how and when Boyne hears, and whether it acts before the worm detonates.

-- Warn Boyne `secs` from now, through NCSC-IE. A faster route replaces a slower one.
local function warn_boyne(secs, how)
  local when = now() + secs
  if state.boyne_warned or (state.boyne_warn_at and state.boyne_warn_at <= when) then return end
  state.boyne_warn_at = when
  later("warn-boyne", secs, function()
    state.boyne_warned = now()
    log("NCSC-IE warns Boyne at " .. clock() .. " (" .. how .. ")")
    if state.boyne == "hit" then
      fire_once("bgo-warning", {
        title = "ASHFALL indicators, after the event",
        body = [[
NCSC-IE passes on a partner's indicators for ASHFALL: SHA-256 9c2e...41ab; task DfrgSvcSync;
203.0.113.45; 198.51.100.61. It spreads with svc-jop-sync across the allisland.example trust,
and copies that arrive by spreading lie dormant before they wipe, so more of your hosts may
still be counting down.
Option A: cut allisland.example off completely now. Option B: keep what is left of the link
and block the indicators in EDR.]] })
    else
      fire_once("bgo-warning")
    end
  end)
end

local function share(choice, late)
  state.share = choice
  cancel("ie-asks")
  if choice == "amber" then
    log("NCSC (UK) shares ASHFALL indicators with NCSC-IE at TLP:AMBER")
    rate("share-ie", not late, late and "shared at AMBER, but late" or "shared at TLP:AMBER")
    fire_once("ie-ncsc-receives")
    warn_boyne(15 * MIN, "NCSC (UK) indicators at TLP:AMBER")
  else
    log("NCSC (UK) shares ASHFALL indicators with NCSC-IE at TLP:AMBER+STRICT")
    rate("share-ie", false, "shared at AMBER+STRICT: NCSC-IE could not warn Boyne")
    fire_once("ie-ncsc-strict")
  end
end

local function hold_share(note)
  state.share = "wait"
  rate("share-ie", false, note)
  later("ie-asks", "30m", function() fire_once("ie-ncsc-asks") end)
end

on("decision", "ncsc-uk-share", function(d)
  if state.share and state.share ~= "wait" then return end
  if d.choice == "wait" then
    if not state.share then hold_share("NCSC (UK) held its indicators for the full analysis") end
  else
    share(d.choice, d.late or state.share == "wait")
  end
end)

on("timeout", "ncsc-uk-share", function(ev)
  hold_share("no sharing decision within 40 minutes")
end)

on("decision", "ie-ncsc-asks", function(d)
  if state.share == "wait" then share(d.choice, true) end
end)

on("timeout", "ie-ncsc-asks", function(ev)
  log("NCSC (UK) still holding; NCSC-IE waits for the full report at 20:30Z")
end)

-- AMBER+STRICT: NCSC-IE asks permission (about 75 minutes at this hour) or breaks the label.
on("decision", "ie-ncsc-strict", function(d)
  if d.choice == "pass" then
    if state.tlp_breach then return end
    state.tlp_breach = true
    log("NCSC-IE passes an AMBER+STRICT report to Boyne without permission")
    warn_boyne(10 * MIN, "AMBER+STRICT report passed on without permission")
    later("tlp-breach", "3h", function() fire_once("tlp-breach") end)
  else
    warn_boyne(75 * MIN, "after NCSC (UK) relabelled with Lagan's consent")
  end
end)

on("timeout", "ie-ncsc-strict", function(ev)
  log("NCSC-IE has not acted on the AMBER+STRICT report; the relabelling request goes slowly")
  warn_boyne(90 * MIN, "after a slow relabelling")
end)

-- D3: Boyne's choice. Severing in time always protects; blocks hold only half the time.
on("decision", "bgo-warning", function(d)
  if state.boyne == "hit" then
    if d.choice == "sever" then log("Boyne cuts allisland.example off; no further spread") end
    return
  end
  if state.boyne == "severed" then return end
  if d.choice == "sever" then
    state.boyne = "severed"
    log("Boyne severs allisland.example at " .. clock() .. "; AIMO suspends the all-island market")
  elseif not state.boyne then
    state.boyne = "blocked"
    log("Boyne keeps the market running and blocks ASHFALL indicators in EDR")
  end
end)

on("timeout", "bgo-warning", function(ev)
  log("Boyne has not decided on allisland.example within 30 minutes")
end)

local function boyne_hit(note)
  state.boyne = "hit"
  rate("contain-spread", false, note)
  fire_once("bgo-wiper-hit")
  log("ASHFALL detonates in Boyne's network")
end

at(WORM, function()
  if state.boyne == "severed" then
    rate("contain-spread", true, "allisland.example cut off before the copies detonated")
    fire_once("bgo-protected")
  elseif state.boyne == "blocked" then
    -- Planners: the copies in Dublin are a build compiled for the target; hash blocks are a
    -- coin toss against it.
    if random(100) <= 50 then
      boyne_hit("a repacked ASHFALL build got past the hash blocks")
    else
      rate("contain-spread", true, "EDR blocks quarantined the copies; the market kept running")
      fire_once("bgo-protected", { title = "EDR quarantines ASHFALL in Dublin; market still up",
        body = [[
19:10Z passed quietly. When the blocks were pushed, EDR quarantined dormant copies of
dfrgsvc.exe on both AIMO market servers; their configuration was set to wake at 19:10Z. The
files matched the hash NCSC passed on. svc-jop-sync has been reset and no
copy reached corp.boynegrid.example. The all-island market is still running, with NI
participants submitting by hand. Analysts warn that a recompiled build would not match the
hash.]] })
    end
  elseif state.boyne_warned then
    boyne_hit("Boyne had the warning but had not acted when the copies detonated")
  else
    boyne_hit("no warning reached Boyne before the copies detonated")
  end
end)

---------------------------------------------------------------------------------------------
-- PHASE 2: CROSS-BORDER COORDINATION (T+2h to T+10h)
---------------------------------------------------------------------------------------------

-- D5: one structure across the border, or two.
inject "necg-convene" {
  at = "2h", phase = "coordination", to = "ie-necg",
  from = "Assistant Secretary, DECC (lead government department for energy emergencies)",
  title = "Convene the NECG: Dublin alone, or jointly with Belfast and London?",
  body = [[
18:30Z. In Ireland, 41,000 customers in Donegal are off, wind dispatch is degraded and the
all-island market is at risk. In Northern Ireland, 186,000 customers are off. The Executive
Office has activated the NI crisis arrangements: the NI Civil Contingencies Group meets at
19:30Z with DfE as lead department. In London, COBR (officials) meets at 20:00Z.
Option A: a joint NECG at 19:30Z, with NI CCG, DfE, both transmission operators, both NCSCs,
PSNI and An Garda Siochana on the line. One picture, one set of public lines.
Option B: a NECG for Ireland only, swapping sitreps with Belfast by email.]],
  tlp = "amber",
  choices = { { "joint",  "Convene a joint NECG with Belfast and London on the line" },
              { "dublin", "Convene the NECG for Ireland only; exchange sitreps by email" } },
  deadline = "1h",
  expect = "One cross-border structure: shared situational picture, agreed public lines, "
    .. "clear leads in each jurisdiction",
  objective = "coordination",
}

inject "joint-lines" {
  phase = "coordination", to = { "ie-necg", "press" },
  from = "Joint NECG / NI Civil Contingencies Group call",
  title = "Agreed public lines for both jurisdictions",
  body = [[
Agreed by both governments, both system operators and both police services:
1. A deliberate cyber attack has disrupted the electricity system operator in Northern
   Ireland. The disruption has also affected supply in north-west Donegal.
2. Engineers are restoring supply by hand, site by site. Give honest times and do not promise.
3. Use the operators' websites and local radio. Do not phone the power-cut lines unless there
   is danger or a medical need.
4. Never run generators indoors. Check on vulnerable neighbours.
5. No attribution. Investigations are under way in both jurisdictions.]],
  tlp = "clear",
  expect = "Use the agreed lines in both jurisdictions; update them on a fixed rhythm",
}

-- Contingency: two governments, two stories. Offers a second chance to join up.
inject "conflicting-lines" {
  contingency = true, phase = "coordination", to = "ie-necg",
  from = "Government Information Service media monitoring",
  title = "Belfast says \"cyber attack\", Dublin says \"technical fault\"",
  body = [[
An NI Executive minister has just told BBC Newsline that "a hostile cyber attack" caused the
outage. At the same moment an Irish minister told RTE that Boyne is dealing with "a technical
issue originating in Northern Ireland". Donegal TDs want to know why Dublin was "last to
know". The two governments are each producing their own restoration times, and the times do
not agree.]],
  tlp = "amber",
  choices = { { "rejoin",   "Call a joint North-South meeting now and agree one set of lines" },
              { "separate", "Leave each jurisdiction to its own lines" } },
  deadline = "1h",
  expect = "Join the structures now; agree lines; correct the record together",
  objective = "coordination",
}

inject "cobr-brief" {
  at = "2h30m", phase = "coordination", to = "uk-ncsc",
  from = "Cabinet Office COBR Unit (with the Northern Ireland Office and The Executive Office)",
  title = "COBR (officials) at 20:00Z: one-page technical assessment",
  body = [[
19:00Z. COBR (officials) meets at 20:00Z, with DfE (NI) as lead department and the NIO and
TEO attending. We need one page from NCSC:
- what happened;
- whether it is over;
- whether Great Britain's network operators are at risk from the same tools;
- what has been shared with Dublin and Washington, and at what label;
- what ministers should and should not say about who did it.]],
  tlp = "amber",
  expect = "Confirm the category; separate what is known from what is assessed; state the GB "
    .. "risk; record what was shared and when",
}

-- D6: the first public word on the cause.
inject "media-query" {
  at = "3h", phase = "coordination", to = "press",
  from = "RTE News and BBC News NI (simultaneous calls)",
  title = "\"Is this a cyber attack? When will the lights come back?\"",
  body = [[
19:30Z. Both newsrooms are running live updates and want a line by 20:30Z. They have a photo of
a Lagan Grid notice telling staff "do not switch on your PC". Donegal councillors say thousands
are in the dark in freezing fog, and the power-cut lines on both sides of the border are jammed.
"Is this a cyber attack? Is it over? When will power be back? Is it safe to run a generator?"]],
  tlp = "clear",
  choices = { { "confirm",   "Confirm a cyber incident; give restoration and safety advice" },
              { "technical", "Say a \"technical fault\" is under investigation" },
              { "decline",   "Decline to comment until the facts are confirmed" } },
  deadline = "1h",
  expect = "Confirm what is known, agreed with both operators and both governments; "
    .. "restoration and safety advice; no attribution",
  objective = "public-warning",
}

inject "rumour-flood" {
  contingency = true, phase = "coordination", to = { "press", "ie-necg" },
  from = "Government Information Service media monitoring",
  title = "Voice note: \"blackout for a week, water next\"",
  body = [[
A WhatsApp voice note, shared about 30,000 times, says the blackout "will last a week" and that
"the water's next: fill your baths". A fake "Boyne Grid rota disconnection schedule" is
circulating in Donegal and Derry. Shops in Letterkenny are running out of bottled water. The
power-cut lines, already flooded by automated calls, now have a queue of worried genuine
callers as well.]],
  tlp = "clear",
  expect = "Rebut quickly with facts from both operators and both governments; reach people "
    .. "through local radio; ask platforms to label the fake schedule",
  objective = "public-warning",
}

inject "credibility-hit" {
  contingency = true, phase = "coordination", to = "press",
  from = "The Irish Times and BBC News NI (published stories)",
  title = "\"Government called it a 'technical fault' as hackers claimed it\"",
  body = [[
Both outlets have run the Telegram claim alongside the government's "technical fault" line.
They quote an unnamed official: the operators "told the authorities it was a cyber attack
within the hour". Opposition spokespeople in Dublin and Belfast ask what else has not been
said. RTE wants a minister on Morning Ireland at 07:30Z.]],
  tlp = "clear",
  expect = "Correct the record plainly; explain what was known when; agree a joint line",
  objective = "public-warning",
}

inject "hacktivist-claim" {
  at = "3h30m", phase = "coordination", to = { "press", "uk-ncsc", "ie-ncsc" },
  from = "Telegram channel \"BLACKOUT COLLECTIVE\" (media monitoring)",
  title = "\"BLACKOUT COLLECTIVE\" claims the outage and threatens \"round two\"",
  body = [[
20:00Z. A new Telegram channel posts three screenshots of Lagan single-line diagrams and the
caption "The lights go out on the island. Round two: Dublin, tomorrow 18:00." The channel was
created on 1 December and has 41 posts, all in the last two hours, reposted by accounts that
usually amplify state media. The diagrams carry a JOP watermark dated 14 November.]],
  tlp = "clear",
  expect = "Do not amplify; treat as a probable front for the attacker; preserve for police; "
    .. "prepare for tomorrow's evening peak",
}

inject "ncsc-analysis" {
  at = "4h", phase = "coordination", to = { "uk-ncsc", "ie-ncsc", "us-cisa" },
  from = "NCSC (UK) malware analysis (technical report v1, with NCSC-IE input)",
  title = "ASHFALL and TIDEBREAK: technical report v1",
  body = [[
ASHFALL (dfrgsvc.exe, SHA-256 9c2e...41ab) was compiled on 19 November. Its configuration is
now decoded: copies that arrived by spreading were set to wake at 19:10Z, spread again and
wipe. Lagan removed the dormant copies from both JOP servers at 18:50Z.
TIDEBREAK (fepmon.exe, SHA-256 5e77...c2d1) is an IEC 60870-5-104 client. It carries a
built-in configuration: 9 RTU addresses in 10.30.0.0/16, 27 object addresses, and OPEN
commands repeated every 90 seconds for two hours. A second module drives a relay engineering
tool through serial converters. The design echoes Industroyer2 (2022).
Infrastructure: VPN source 203.0.113.45; staging 198.51.100.61. The Fieldhaven firmware push
came from 198.51.100.140 in the same hosting range (AS64500), ten minutes after TIDEBREAK ran.
We assess with moderate confidence that this is one operation, which we are calling CINDER
HAWK. TLP:AMBER: share with your clients on a need-to-know basis.]],
  tlp = "amber",
  expect = "Hunt national telemetry; decide which clients need it; plan a sector alert at "
    .. "TLP:GREEN or CLEAR with the victims' consent",
}

-- D8: the vendor channel (played by CISA with Exercise Control as Fieldhaven).
inject "cisa-vendor" {
  phase = "coordination", to = "us-cisa",
  from = "Fieldhaven Networks CISO (call with CISA Central and DOE CESER)",
  title = "Fieldhaven's device cloud abused; 41,000 US routers on the same platform",
  body = [[
16:30 EST (21:30Z). Fieldhaven (Denver) confirms that its API account svc-fleetops was used from
198.51.100.140 to push "4.2.7-hotfix" to 2,310 FL-400 routers: most in Ireland and the UK, about
400 in three other EU countries. The image is a MIPS ELF that overwrites the flash and reboots;
the routers need replacing or reflashing on site. That token is revoked. Fieldhaven cannot yet
say how it was stolen, or whether other fleet tokens are exposed. About 41,000 FL-400s serve US
wind, solar and water utilities. Fieldhaven would rather finish its root-cause work before going
public.]],
  tlp = "amber",
  choices = { { "suspend", "Press Fieldhaven to suspend pushes, rotate tokens, publish" },
              { "private", "Notify US customers privately at TLP:AMBER; await root cause" } },
  deadline = "1h",
  expect = "Close the channel tonight: suspend remote firmware pushes, rotate every credential, "
    .. "publish a TLP:CLEAR alert with NCSC and NCSC-IE",
  objective = "vendor",
}

-- Minor decision: the EU dimension.
inject "eu-cyclone" {
  at = "6h", phase = "coordination", to = "ie-ncsc",
  from = "EU-CyCLONe secretariat (ENISA) and the European Commission",
  title = "EU-CyCLONe asks for a situation report; EU Cybersecurity Reserve on offer",
  body = [[
22:30Z. About 400 FL-400 routers at wind farms in Denmark, Germany and the Netherlands were in
the same firmware job and have gone dark, so EU-CyCLONe has opened a crisis-management thread
and asks Ireland for a situation report by 08:00Z. The Commission notes that Ireland may request
incident-response support from the EU Cybersecurity Reserve under the Cyber Solidarity Act. A
provider team could be in Dublin by mid-afternoon tomorrow.]],
  tlp = "amber",
  choices = { { "reserve",  "Request Reserve support for Boyne and send the situation report" },
              { "national", "Send the situation report; handle with national resources" } },
  deadline = "2h",
  expect = "Report to EU-CyCLONe; decide on Reserve support against national capacity; keep "
    .. "the UK partner informed",
}

-- D7: the rebuild versus the crime scene.
inject "evidence-request" {
  phase = "coordination", to = "psni",
  from = "Lagan Grid CIO (call to the PSNI senior investigating officer)",
  title = "Lagan starts rebuilding at 02:00Z: what do you need held?",
  body = [[
23:30Z. Lagan will start rebuilding its domain controllers, the FEPs and the jump host at
02:00Z. The aim is to get remote control back for tomorrow's evening peak. FEP-01, LGO-DC-02,
LGO-JMP-03 and the two JOP servers are the critical evidence. NCSC has two responders on
site. Imaging everything would take about 30 hours; imaging those five hosts and the memory
of the survivors would take about four. The NCA and the Garda bureau both want copies.]],
  tlp = "amber",
  choices = { { "targeted", "Image five key hosts and survivors' memory by 04:00Z; then rebuild" },
              { "full",     "Hold every affected server as a crime scene until imaged" },
              { "release",  "Let Lagan rebuild now; collect logs and remnants later" } },
  deadline = "1h30m",
  expect = "A proportionate evidence strategy agreed with NCSC: targeted images and memory, "
    .. "chain of custody, copies for NCA and GNCCB, restoration not delayed",
  objective = "evidence",
}

-- Phase 2 logic ----------------------------------------------------------------------------

-- D4: re-energise fast, or verify protection first.
local function verified(late)
  state.restore = "verified"
  cancel("fault")
  cancel("restored")
  rate("restore-safe", not late, late and "protection checked, but only after the deadline"
       or "protection checked at every site before re-energising")
  later("relays", "1h30m", function() fire_once("relays-tampered") end)
  -- Last customers back about 23:50Z, two hours later if the EMS was lost.
  local done = (state.ems == "wiped") and (9 * HOUR + 30 * MIN) or (7 * HOUR + 30 * MIN)
  later("restored", until_t(done), function()
    if state.ems == "wiped" then
      fire_once("supply-restored", { body = [[
All bulk supply points in Northern Ireland are back. The last customers were restored at 01:48Z,
after every relay had been checked. With no EMS, each switching step was confirmed by radio.
Boyne recalled Letterbeg-Kilmacreen from its planned outage, and north-west Donegal was back at
20:40Z. The tie stays open. Nine substations are staffed around the clock until a rebuilt
control system can be trusted.]] })
    else
      fire_once("supply-restored")
    end
  end)
end

local function fast(note)
  state.restore = "fast"
  rate("restore-safe", false, note)
  -- Planners: a fault on the Carnmore 33 kV side is waiting; half the time it is there when the
  -- breaker closes.
  if random(100) <= 50 then
    later("fault", "45m", function()
      state.restore = "fault"
      fire_once("restore-fault")
      log("Carnmore T2 destroyed on re-energisation; 23,000 customers off for about 30 hours")
      later("restored", until_t(30 * HOUR), function()
        fire_once("supply-restored", { body = [[
The last 23,000 customers around Carnmore are back, through a 33 kV back-feed and four mobile
generators. Transformer T2 will take about 14 weeks to replace. Every relay in Lagan's network
has now been checked: Carnmore and Lisnagore were the only ones tampered with. North-west
Donegal has been back since 20:40Z yesterday. The tie stays open.]] })
      end)
    end)
  else
    -- Without the EMS every step is confirmed by radio, so even the fast path is slower.
    local wiped = state.ems == "wiped"
    later("restored", until_t(wiped and 6 * HOUR or 4 * HOUR + 40 * MIN), function()
      state.restore = "lucky"
      fire_once("supply-restored", { body = string.format([[
All bulk supply points in Northern Ireland were back by %s, and north-west Donegal by
20:40Z after Boyne recalled Letterbeg-Kilmacreen. A crew sent back to Lisnagore has now found
that relay, like Carnmore's, with its trips disabled since 16:49Z. A fault at either site
tonight would not have been cleared until backup protection operated. Every other relay is
being checked tomorrow.]], wiped and "22:25Z" or "21:10Z") })
    end)
  end
end

on("decision", "lgo-restore", function(d)
  if state.restore == "verified" or state.restore == "fault" or state.restore == "lucky" then
    return
  end
  if d.choice == "verify" then
    verified(d.late)
  elseif not state.restore then
    fast("re-energised without checking protection")
  end
end)

on("timeout", "lgo-restore", function(ev)
  log("No restoration decision by 18:35Z: crews close breakers as they are ready")
  fast("no decision: crews re-energised without checking protection")
end)

-- The restoration question reaches Lagan at 18:10Z, worded for whether the EMS survived.
at("1h40m", function()
  if state.ems == "wiped" then
    fire_once("lgo-restore", { body = [[
18:10Z. With the EMS gone, controllers are working from printed single-line diagrams. Crews
are at five of the nine substations, and the rest will be there by 18:40Z. Carnmore's crew
reports that the 110 kV feeder relay shows "TEST MODE" and that the serial converter beside it
is dead.
Option A: close each bulk supply point by radio instruction as soon as its crew is ready.
Most customers would be back by about 22:30Z.
Option B: check every relay's settings and firmware against the golden copies first. The last
customers would be back around 02:00Z.
We cannot see what else TIDEBREAK touched.]] })
  else
    fire_once("lgo-restore")
  end
end)

-- D5: one coordination structure, or two.
local function joint_lines(delay)
  cancel("conflict")
  later("joint-lines", delay, function() fire_once("joint-lines") end)
end

local function separate(note)
  state.necg = "separate"
  rate("coordination", false, note)
  later("conflict", until_t(math.max(now() + 90 * MIN, 4 * HOUR + 45 * MIN)), function()
    fire_once("conflicting-lines")
  end)
end

on("decision", "necg-convene", function(d)
  if state.necg == "joint" or state.necg == "rejoined" then return end
  if d.choice == "joint" then
    local late = d.late or state.necg == "separate"
    state.necg = late and "rejoined" or "joint"
    rate("coordination", not late, late and "joint NECG convened, but late"
         or "joint NECG with Belfast and London on the line")
    log("Joint NECG convened with NI CCG and COBR liaison")
    joint_lines("1h")
  elseif not state.necg then
    separate("NECG convened for Ireland only")
  end
end)

on("timeout", "necg-convene", function(ev)
  log("No NECG decision within the hour: departments work separately")
  separate("no decision to convene within the hour")
end)

on("decision", "conflicting-lines", function(d)
  if d.choice == "rejoin" and state.necg == "separate" then
    state.necg = "rejoined"
    log("Dublin and Belfast join up after contradicting each other")
    joint_lines("30m")
  elseif d.choice == "separate" then
    log("Each jurisdiction keeps its own public lines")
  end
end)

on("timeout", "conflicting-lines", function(ev)
  log("No response to the contradictory lines within the hour")
end)

-- D6: confirm, "technical fault", or silence.
on("decision", "media-query", function(d)
  if state.press == "confirm" then return end
  if d.choice == "confirm" then
    cancel("rumour")
    cancel("credibility")
    local first = not state.press
    state.press = "confirm"
    rate("public-warning", first and not d.late, first and not d.late
         and "cyber incident confirmed with restoration and safety advice before the bulletins"
         or "confirmed, but only after the bulletins had run")
    log("Press cell confirms a cyber incident")
  elseif not state.press then
    if d.choice == "technical" then
      state.press = "technical"
      rate("public-warning", false,
           "called it a technical fault; the Telegram claim contradicted it")
      later("credibility", until_t(math.max(now() + 30 * MIN, 5 * HOUR)), function()
        fire_once("credibility-hit")
      end)
    else
      state.press = "silent"
      rate("public-warning", false, "declined to comment; rumours filled the gap")
      later("rumour", "1h", function() fire_once("rumour-flood") end)
    end
  end
end)

on("timeout", "media-query", function(ev)
  state.press = "silent"
  rate("public-warning", false, "no line before the 20:30Z bulletins")
  later("rumour", "1h", function() fire_once("rumour-flood") end)
end)

-- D8 as a process: the vendor line on the virtual clock.
process(function()
  wait("5h")
  fire("cisa-vendor")
  local d = await("cisa-vendor", "1h")
  if not d then
    state.vendor = "private"
    rate("vendor", false, "no decision on the vendor channel within the hour")
    log("CISA has not decided; Fieldhaven carries on with its root-cause work")
    d = await("cisa-vendor")          -- a late decision still shapes what follows
  end
  if d.choice == "suspend" then
    state.vendor = d.late and "suspended late" or "suspended"
    rate("vendor", not d.late, "pushes suspended and tokens rotated the same evening")
    log("Fieldhaven suspends remote firmware pushes at CISA's request")
  elseif not state.vendor then
    state.vendor = "private"
    rate("vendor", false, "customers told privately; the push channel stayed open")
  end
end)

-- If NCSC (UK) still had not shared, its technical report goes to NCSC-IE at 20:30Z anyway.
at("4h", function()
  if not state.boyne_warned then warn_boyne(15 * MIN, "from NCSC (UK)'s technical report v1") end
end)

-- D7 arrives at 23:30Z, worded for what survived.
at("7h", function()
  if state.ems == "wiped" then
    fire_once("evidence-request", { body = [[
23:30Z. Lagan will start rebuilding its domain controllers, the EMS, the FEPs and the jump
host at 02:00Z, to get remote control back for tomorrow's evening peak. FEP-01 and the EMS
servers were wiped at 18:02Z, but disk remnants may still be recoverable. LGO-DC-02,
LGO-JMP-03 and the two JOP servers are the other key evidence, and NCSC has two responders on
site. Imaging everything would take about 30 hours; the key hosts and the memory of survivors
would take about four. The NCA and the Garda bureau both want copies.]] })
  else
    fire_once("evidence-request")
  end
end)

---------------------------------------------------------------------------------------------
-- PHASE 3: RESTORATION AND INVESTIGATION (T+10h to T+36h)
---------------------------------------------------------------------------------------------

inject "forensics-findings" {
  phase = "restoration", to = { "psni", "uk-ncsc", "lgo-soc" },
  from = "NCSC incident responders and PSNI digital forensics (joint note)",
  title = "Images show seven weeks of preparation",
  body = [[
The preserved images show that adm-rquinn's phone was re-registered for MFA on 2 December,
after a call to the service desk from a spoofed internal number. LGO-JMP-03 has RDP history to
the OT domain from 21 October. FEP-01 holds the TIDEBREAK configuration and the relay
engineering project files, last modified on 3 December. The JOP screenshots posted on Telegram
match files exported on 14 November. There is a clean chain of custody, and copies have gone
to the NCA and the Garda bureau.]],
  tlp = "amber",
  expect = "Brief the attribution process; share technical findings with NCSC-IE and CISA; "
    .. "consider a joint investigation team with An Garda Siochana",
  objective = "evidence",
}

inject "rebuild-delayed" {
  phase = "restoration", to = { "psni", "lgo-soc" },
  from = "Lagan Grid CEO (letter to the Chief Constable, copied to DfE)",
  title = "Lagan: \"The forensic hold is keeping the grid on manual\"",
  body = [[
The full forensic hold means Lagan cannot start rebuilding its control systems until every
server has been imaged, which is about 30 hours. The nine substations stay staffed around the
clock, and Wednesday's evening peak will be run without remote control. DfE asks whether a
narrower hold would meet the investigation's needs. The Utility Regulator asks for a
security-of-supply assessment by noon.]],
  tlp = "amber",
  expect = "Narrow the hold to what the investigation needs; agree the sequence with NCSC and "
    .. "Lagan; record the reasoning",
  objective = "evidence",
}

inject "evidence-lost" {
  phase = "restoration", to = { "psni", "uk-ncsc" },
  from = "NCSC incident responders",
  title = "Rebuilt hosts overwrote the key evidence",
  body = [[
LGO-DC-02, LGO-JMP-03 and FEP-01 were reimaged overnight. What is left is EDR telemetry, VPN
logs and fragments from two hosts that were never rebuilt. We cannot now show how the OT
domain was first reached, or recover the full TIDEBREAK configuration. The NCA says this
weakens any prosecution and the attribution case; the intelligence assessment will rest more
on sensitive sources, which makes it harder to publish.]],
  tlp = "amber",
  expect = "Salvage what remains; record the decision; plan evidence strategy for the next "
    .. "incident before it happens",
  objective = "evidence",
}

inject "doe-ceser" {
  at = "9h", phase = "restoration", to = "us-cisa",
  from = "DOE CESER (energy SRMA), with E-ISAC",
  title = "US utilities want TIDEBREAK indicators at TLP:GREEN",
  body = [[
20:30 EST (01:30Z). E-ISAC members run IEC-104 front-end processors and the same relay
engineering tool. NCSC's technical report is TLP:AMBER, so E-ISAC cannot push it to the sector.
DOE asks CISA to get NCSC's permission for a TLP:GREEN extract: the TIDEBREAK behaviour, the
hunting queries and the infrastructure indicators, with no victim detail. NERC wants to know
whether to issue a Level 2 alert.]],
  tlp = "amber",
  expect = "Ask NCSC (and NCSC-IE) for a GREEN extract; agree wording; protect the victims' "
    .. "identity",
}

inject "second-push-blocked" {
  phase = "restoration", to = "us-cisa",
  from = "Fieldhaven Networks security team",
  title = "Second firmware push refused by the suspended platform",
  body = [[
00:30 EST (05:30Z). At 00:27 EST the platform logged an attempt, from 198.51.100.140 using a
second fleet token, to push "4.2.7-hotfix" to 6,200 routers at US wind and solar sites. The
suspended platform refused it. That token was among those rotated last night. Fieldhaven is
grateful that it took the hard call.]],
  tlp = "amber",
  expect = "Share the blocked attempt with NCSC, NCSC-IE and E-ISAC; keep the platform "
    .. "suspended until signed-firmware enforcement is in place",
  objective = "vendor",
}

inject "us-second-push" {
  phase = "restoration", to = "us-cisa",
  from = "DOE CESER and E-ISAC",
  title = "3,900 US routers bricked overnight",
  body = [[
00:30 EST (05:30Z). At 00:27 EST a second fleet token pushed "4.2.7-hotfix" to 3,900 FL-400s
at 61 US wind and solar sites in Texas, Iowa and Oklahoma. Output continues, but remote
monitoring and curtailment are lost. ERCOT and SPP are constraining the affected plants by
phone. Fieldhaven says the token was not known to be exposed. DOE asks why the platform was
still able to push.]],
  tlp = "amber",
  expect = "Get the platform suspended now; publish the alert; coordinate replacement with "
    .. "DOE and the affected utilities",
  objective = "vendor",
}

inject "eu-reserve-team" {
  phase = "restoration", to = { "ie-ncsc", "bgo-soc" },
  from = "EU Cybersecurity Reserve provider team (via ENISA)",
  title = "Reserve team on site at Boyne",
  body = [[
A six-person incident-response team from the EU Cybersecurity Reserve arrived at Boyne's
Dublin site at 14:30Z. It is dumping the flash of three bricked FL-400s recovered from wind
farms. First result: the wiper in the firmware matches samples from two other member states,
and a serial-console reflash procedure works in about 20 minutes per router. Findings go into
the EU-CyCLONe picture.]],
  tlp = "amber",
  expect = "Integrate the team under Boyne's incident lead; share the reflash procedure with "
    .. "wind farm operators; feed findings to NCSC (UK)",
}

inject "overnight" {
  phase = "restoration", to = "ie-necg",
  from = "National Emergency Coordination Centre situation cell (with NI CCG)",
  title = "Overnight consequences report",
  body = [[
07:00Z. Supply was restored on both sides of the border overnight. Two people were treated for
carbon monoxide poisoning after running a generator indoors in Derry. A Letterkenny water
pumping station ran on a hired generator for six hours. Schools open normally. Boyne and Lagan
warn that tonight's evening peak will be run with nine NI substations manned, the tie open and
limited remote control of wind.]],
  tlp = "amber",
  expect = "Set the NECG's rhythm for day two; prepare for tonight's peak and the threatened "
    .. "\"round two\"; keep public messaging on generator safety",
}

inject "cru-market" {
  phase = "restoration", to = "bgo-soc",
  from = "CRU and Utility Regulator (SEM Committee secretariat), with AIMO",
  title = "Market status and the 24-hour early warning",
  body = [[
09:30Z. The balancing market has been in administered scheduling since Boyne shut the AIMO
servers down last night. The SEM Committee asks both operators for a joint note by 14:00Z on
market operation since 16:47Z yesterday, and on when normal trading can resume. As an essential
entity, Boyne's 24-hour NIS2 early warning to NCSC-IE and the CRU is due by 16:55Z today, with
the 72-hour notification to follow.]],
  tlp = "amber",
  expect = "File the early warning; give the SEM Committee an honest market timeline; keep the "
    .. "reports consistent with Lagan's",
}

inject "dof-nis" {
  at = "18h", phase = "restoration", to = "lgo-soc",
  from = "Department of Finance (NI) NIS competent authority, with the Utility Regulator",
  title = "NIS incident notification and security-of-supply questions",
  body = [[
10:30Z. Lagan became aware of this incident at 16:42Z yesterday. Under the NIS Regulations it
must notify us within 72 hours; we would welcome an initial notification today. DfE, as lead
department, wants a twice-daily sitrep. The Utility Regulator asks for a written assessment of
how tonight's evening peak will be run with limited remote control, and of the risk of a
repeat.]],
  tlp = "amber",
  expect = "Send the initial NIS notification; agree one reporting rhythm for DoF, DfE and the "
    .. "Utility Regulator; assess tonight's peak",
}

inject "round-two" {
  at = "25h30m", phase = "restoration", to = { "bgo-soc", "lgo-soc", "press" },
  from = "Boyne Grid and Lagan Grid SOCs (joint)",
  title = "18:00Z: DDoS on both operators' websites; the grid holds",
  body = [[
18:00Z Wednesday. As threatened, a DDoS peaking at 38 Gbps hit boynegrid.example,
lagangrid.example and both outage maps. The scrubbing service absorbed most of it and the sites
were slow for 25 minutes. There was no unusual activity in either control system. The evening
peak passed with the tie open and NI substations manned. BLACKOUT COLLECTIVE claims a "total
blackout of Dublin", which did not happen.]],
  tlp = "clear",
  expect = "Say plainly that the grid was unaffected; do not amplify the claim; keep "
    .. "heightened monitoring through the peak",
}

inject "vendor-rootcause" {
  at = "28h", phase = "restoration", to = "us-cisa",
  from = "Fieldhaven Networks CISO",
  title = "Root cause: stolen API tokens from a support engineer's laptop",
  body = [[
15:30 EST (20:30Z). In October, infostealer malware on a support engineer's laptop took
browser-stored sessions, including two fleet-wide API tokens. The tokens had no IP allow-list,
and the platform did not require signed firmware or customer approval for pushes. Fieldhaven
will enforce signed images, require per-customer approval for fleet jobs and rotate all
credentials. Draft ICS advisory ICSA-26-343-01 is ready for CISA's review.]],
  tlp = "amber",
  expect = "Review and publish the advisory with NCSC and NCSC-IE; brief E-ISAC; follow up on "
    .. "customer recovery",
  objective = "vendor",
}

-- Phase 3 logic ----------------------------------------------------------------------------

-- What the images show depends on whether FEP-01 survived.
local function forensics()
  if state.ems == "wiped" then
    fire_once("forensics-findings", { body = [[
The preserved images show that adm-rquinn's phone was re-registered for MFA on 2 December,
after a call to the service desk from a spoofed internal number. LGO-JMP-03 has RDP history to
the OT domain from 21 October. FEP-01 was wiped, but fragments of the TIDEBREAK configuration
survive in unallocated space beyond the first 10 MB. The JOP screenshots posted on Telegram
match files exported on 14 November. There is a clean chain of custody, and copies have gone
to the NCA and the Garda bureau.]] })
  else
    fire_once("forensics-findings")
  end
end

on("decision", "evidence-request", function(d)
  if state.evidence and state.evidence ~= "lost" then return end
  if d.choice == "targeted" then
    local late = d.late or state.evidence == "lost"
    cancel("evidence-lost")
    state.evidence = late and "targeted late" or "targeted"
    rate("evidence", not late, late and "targeted imaging ordered after the deadline"
         or "key hosts and memory imaged; rebuild started on time")
    later("forensics", "12h", forensics)
  elseif d.choice == "full" then
    if state.evidence == "lost" then return end
    state.evidence = "full"
    rate("evidence", false, "full hold kept the grid on manual control for another day")
    later("rebuild", "2h", function() fire_once("rebuild-delayed") end)
    later("forensics", "20h", forensics)
  elseif not state.evidence then
    state.evidence = "lost"
    rate("evidence", false, "no hold: key hosts were rebuilt over the evidence")
    later("evidence-lost", "6h", function() fire_once("evidence-lost") end)
  end
end)

on("timeout", "evidence-request", function(ev)
  log("No answer from PSNI by 01:00Z: Lagan starts the rebuild as planned")
  state.evidence = "lost"
  rate("evidence", false, "no decision before the rebuild began")
  later("evidence-lost", "6h", function() fire_once("evidence-lost") end)
end)

-- 00:30 EST: the attacker tries the vendor channel again.
at("13h", function()
  if state.vendor == "suspended" or state.vendor == "suspended late" then
    fire_once("second-push-blocked")
  else
    fire_once("us-second-push")
    log("Second BRINE push bricks 3,900 US routers")
  end
end)

-- EU support: requested, or not.
on("decision", "eu-cyclone", function(d)
  if d.choice == "reserve" then
    state.eu = "reserve"
    later("eu-team", until_t(22 * HOUR), function()
      if state.boyne == "hit" then
        fire_once("eu-reserve-team", { body = [[
A six-person incident-response team from the EU Cybersecurity Reserve arrived at Boyne's
Dublin site at 14:30Z. Half of the team is helping to rebuild Boyne's identity services and
the AIMO market servers from clean media. The other half is dumping the flash of bricked
FL-400s: the firmware wiper matches samples from two other member states, and a serial-console
reflash takes about 20 minutes per router. Findings go into the EU-CyCLONe picture.]] })
      else
        fire_once("eu-reserve-team")
      end
    end)
  else
    state.eu = "national"
    log("NCSC-IE reports to EU-CyCLONe and handles the incident with national resources")
  end
end)

-- 09:30Z Wednesday: the regulators' view of the market depends on what happened in Dublin.
at("17h", function()
  if state.boyne == "hit" then
    fire_once("cru-market", { body = [[
09:30Z. The AIMO market servers were wiped at 19:10Z yesterday, and the balancing market has
been in administered scheduling since. AIMO estimates at least five days to rebuild and
reconcile. The SEM Committee asks both operators for a joint note by 14:00Z on market
operation since 16:47Z yesterday and a realistic restart date. As an essential entity,
Boyne's 24-hour NIS2 early warning to NCSC-IE and the CRU is due by 16:55Z today, with the
72-hour notification to follow.]] })
  elseif state.boyne == "blocked" then
    fire_once("cru-market", { body = [[
09:30Z. The balancing market kept running overnight, with NI participants submitting by hand
while Lagan's systems are down. The SEM Committee asks both operators for a joint note by
14:00Z on market operation since 16:47Z yesterday, and on the risk of keeping the market
servers in a domain shared with a compromised partner. As an essential entity, Boyne's
24-hour NIS2 early warning to NCSC-IE and the CRU is due by 16:55Z today, with the 72-hour
notification to follow.]] })
  else
    fire_once("cru-market")
  end
end)

at("14h30m", function()
  if state.restore == "fault" then
    fire_once("overnight", { body = [[
07:00Z. Supply is back everywhere except around Carnmore, where 23,000 customers face a second
night without power. Welfare centres are open in two leisure centres, and the medical-
dependency register has been worked through door to door. Two people were treated for carbon
monoxide poisoning after running a generator indoors. A Letterkenny water pumping station ran
on a hired generator for six hours. Tonight's peak will be run with NI substations manned and
the tie open.]] })
  else
    fire_once("overnight")
  end
end)

---------------------------------------------------------------------------------------------
-- PHASE 4: RECOVERY AND ATTRIBUTION (T+36h to T+48h)
---------------------------------------------------------------------------------------------

inject "lgo-recovery-plan" {
  at = "40h", phase = "recovery", to = "lgo-soc",
  from = "Lagan Grid CIO (paper for the board, 08:30Z)",
  title = "Recovery plan: six weeks to normal remote operation",
  body = [[
08:30Z Thursday. Recovery plan for board approval:
- build a new corporate forest and a separate OT forest with no trust between them;
- rebuild the EMS and FEPs from the vendor's golden images;
- check RTU and relay configurations at all 94 substations;
- replace the serial converters at the sites that were attacked;
- take JOP and all-island services out of a shared domain, into brokered application access.
Nine substations stay manned until each step is signed off, and the tie returns in stages. The
estimated cost is 14 million pounds. The NIS notification to DoF is due at 16:42Z Friday.]],
  tlp = "amber",
  expect = "Approve a phased, verified recovery; keep evidence; agree the tie's return with "
    .. "Boyne; report to DoF, DfE and the Utility Regulator",
}

inject "bgo-recovery" {
  phase = "recovery", to = "bgo-soc",
  from = "Boyne Grid CIO",
  title = "Boyne recovery: the market and the shared domain",
  body = [[
09:00Z Thursday. Boyne's corporate network was never reached. The AIMO market servers have been
rebuilt from clean images and are being tested offline. The market can resume on Friday's
trading day once Lagan has a clean way in that does not depend on the shared domain. Of the
38 wind farms, 22 have had their routers reflashed on site, and the rest are dispatched by
phone.]],
  tlp = "amber",
  expect = "Agree a market restart date with AIMO and the SEM Committee; end the shared-domain "
    .. "model with Lagan; finish the router recovery",
}

inject "joint-advisory" {
  phase = "recovery", to = ALL,
  from = "NCSC (UK), NCSC-IE and CISA (joint publication)",
  title = "Joint advisory: CINDER HAWK destructive attacks on electricity networks",
  body = [[
The UK, with the United States, judges it highly likely that CINDER HAWK, a unit of a hostile
state's military intelligence service, carried out the destructive attack on the
all-island electricity system on 8 December. Ireland's Department of Foreign Affairs has issued
a national statement of condemnation, and NCSC-IE co-seals the technical advisory. The advisory
covers ASHFALL, TIDEBREAK and the firmware wiper, and gives guidance on separating IT and OT
trust, Group Policy monitoring, protection-relay integrity, vendor device-management platforms
(signed firmware, approval for each push), and the use of hacktivist personas as cover.]],
  tlp = "clear",
  expect = "Push the advisory to sectors in all three countries; keep public lines consistent",
}

inject "endex" {
  at = "47h", phase = "recovery", to = ALL,
  from = "Exercise Control",
  title = "ENDEX approaching",
  body = [[
Play stops at T+47:45. Close your open actions, send a final sitrep to your lead (NCSC,
NCSC-IE, the NECG, or CISA), and note one thing that worked and one that did not, for the hot
wash.]],
  tlp = "clear",
  expect = "Close out actions; final sitrep",
}

-- Phase 4 logic ----------------------------------------------------------------------------

at("40h30m", function()
  if state.boyne == "hit" then
    fire_once("bgo-recovery", { body = [[
09:00Z Thursday. Boyne's identity services, email and 640 devices are being rebuilt; the NCC
ran the grid throughout from its separate OT domain. The AIMO market servers were lost and are
being rebuilt from clean media and Tuesday's off-site backups. The all-island market stays in
administered scheduling until at least Monday. Of the 38 wind farms, 22 have had their routers
reflashed on site, and the rest are dispatched by phone.]] })
  elseif state.boyne == "blocked" then
    fire_once("bgo-recovery", { body = [[
09:00Z Thursday. Boyne's corporate network was never reached, and the market kept running
throughout, with NI participants submitting by hand. The AIMO market servers have been moved
out of allisland.example onto a separate segment with brokered access, and svc-jop-sync is
gone. Of the 38 wind farms, 22 have had their routers reflashed on site, and the rest are
dispatched by phone.]] })
  else
    fire_once("bgo-recovery")
  end
end)

local ADVISORY_ONLY = [[
NCSC (UK), NCSC-IE and CISA publish technical guidance on the destructive attack on the
all-island electricity system on 8 December: ASHFALL, TIDEBREAK and the firmware wiper. It
covers separating IT and OT trust, Group Policy monitoring, protection-relay integrity,
vendor device-management platforms (signed firmware, approval for each push), and the use of
hacktivist personas as cover. Governments say attribution "will follow when the evidence
allows": key hosts were rebuilt before they could be imaged.]]

at("42h", function()
  if state.evidence == "lost" then
    fire_once("joint-advisory", {
      title = "Joint advisory: destructive attacks on electricity networks (no attribution)",
      body = ADVISORY_ONLY })
  else
    fire_once("joint-advisory")
  end
end)

-- ENDEX: rate anything not yet demonstrated, then summarise the path taken.
at("47h45m", function()
  state.rated = state.rated or {}
  local n = 0
  for _, id in ipairs(OBJECTIVES) do
    if not state.rated[id] then rate(id, false, "not demonstrated before ENDEX") end
    if state.rated[id] == "met" then n = n + 1 end
  end
  local path = string.format(
    "OT %s; sharing %s%s; Boyne %s; restoration %s; NECG %s; press %s; evidence %s; "
      .. "vendor %s; EU %s. Objectives met: %d of %d.",
    state.ems or "?", state.share or "?", state.tlp_breach and " (label broken)" or "",
    state.boyne or "not acted", state.restore or "?", state.necg or "?", state.press or "?",
    state.evidence or "?", state.vendor or "?", state.eu or "undecided", n, #OBJECTIVES)
  log(path)
  finish("Operation Dark Current complete. " .. path)
end)

---------------------------------------------------------------------------------------------
-- Hot wash
---------------------------------------------------------------------------------------------

hotwash {
  "Who at Lagan could authorise cutting IT/OT and dropping to manual switching, and how long did it take to reach them?",
  "What stopped, or would have stopped, indicators reaching Boyne in time, and was the TLP label fit for a live destructive attack?",
  "How did Boyne weigh keeping the all-island market running against containing the wiper, and who should own that call?",
  "Did the restoration plan account for tampered protection, and how would crews know what to check?",
  "Did Dublin, Belfast and London tell the public one story? What would a standing cross-border arrangement need?",
  "How should evidence preservation be balanced against restoring critical national infrastructure?",
  "What one improvement will your organisation make in the next 90 days?",
}
