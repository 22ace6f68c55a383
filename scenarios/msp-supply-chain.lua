--[[
Operation Glass Harbour: a managed-service-provider supply-chain compromise
==========================================================================

A 72-hour joint UK–US response to a state espionage operation that reaches a UK government
department and a US federal civilian agency through the remote-management platform of the IT
contractor they share. T+0 is Tuesday 12 May 2026, 07:00Z. UK times are BST (Z+1); US Eastern
is EDT (Z-4).

The story. The actor, tracked here as GLASS HARBOUR, works for a hostile state's foreign
intelligence service and goes after managed service providers (MSPs) to reach their customers.
Its tradecraft follows the public record of three real campaigns:
  * APT10 "Cloud Hopper" (2017): MSP credentials reused to hop into customers' networks;
  * SolarWinds/SUNBURST (2020): a trusted management channel used to plant a quiet implant, then
    AD FS token-signing keys stolen to forge SAML tokens ("Golden SAML") and read cloud mail;
  * Kaseya VSA (2021): an authentication bypass in an on-premises RMM server used to push a
    procedure to every managed endpoint, and the vendor telling customers to shut servers down.
On Monday night (23:36Z) the actor used an authentication bypass in Calderbrook Managed Services'
on-premises Kestrel RMM server to open an API session as a technician and push an "agent health
check" to 214 endpoints at nine customers. It plants a signed Kestrel binary that side-loads an
unsigned version.dll and beacons to a look-alike update domain. Two of the nine are government:
  * the Department for Infrastructure and Investment Security (DIIS), a UK central government
    department that screens foreign investment; its Investment Security Unit's mail is the prize;
  * the Federal Export Licensing Administration (FELA), a small US federal civilian agency whose
    AD FS token-signing key is stolen in the first hours.
Neither nation holds all the indicators: the US has the second stage (found at FELA), the UK has
the supplier and the department. Sharing under TLP, containment of the RMM platform, evidence
preservation and the timing of public statements decide how the exercise goes.

Lines of effort. UK: NCSC (national CSIRT; Protective DNS and the Host Based Capability in
government networks); GC3 and DSIT for government cyber security; the department's SIRO; the ICO;
the NCA for law enforcement (through the FBI Legal Attaché). US, under PPD-41: FBI (threat
response, Washington Field Office and NCIJTF), CISA (asset response; Emergency Directives to
federal civilian agencies under 44 U.S.C. 3553(h)), NSA (intelligence support to the Cyber UCG).

All names are fictional. Indicators use the documentation ranges (RFC 5737) and .example domains.

Decision points, and what each changes:
  D1 dept-edr-alert        DIIS reports to NCSC now, or asks Calderbrook first. The supplier's
                           service desk calls it routine; three hours later DIIS finds 2.3 GB gone
                           from its casework share. If DIIS is slow, NCSC may hear from CISA first
                           (held contingency ncsc-partner-tip).
  D2 msp-rmm-alert         Calderbrook shuts its RMM platform down, or disables the account and
                           keeps it up. Shutting down may tip off the actor (random); keeping it up
                           lets the actor back in through the same bypass six hours later.
  D3 msp-customer-notice   Calderbrook tells all nine customers today, only the two government
                           ones, or holds for a legal review. Anything short of all nine lets a
                           UK defence supplier lose its design archive (sooner if the actor was
                           tipped off); holding brings NCSC and CISA to the CEO (contingency).
  D4 fbi-case              FBI collects covertly on the US-hosted second-stage server, or seizes
                           it. Collection can strengthen attribution but asks partners to restrict
                           indicators; seizure protects victims at once and reveals another MSP.
  D5 cisa-ncsc-share       CISA shares the FELA-derived indicators with NCSC at AMBER, at
                           AMBER+STRICT, or holds (NCSC's CEO escalates: contingency). This sets
                           how soon DIIS finds the rogue mail app, and how much mail is read.
  D6 agency-adfs           FELA rotates its stolen AD FS token-signing key tonight, or watches
                           until the weekend. Watching lets forged SAML tokens in.
  D7 media-query           Calderbrook's communications lead issues an agreed holding line,
                           declines, or gives a full account naming customers. Declining feeds
                           rumour; naming customers angers them and can burn the FBI operation.
  D8 rmm-evidence          Calderbrook images its RMM servers before rebuilding, or rebuilds at
                           once. Imaging gives the forensic strand that attribution needs.
  D9 joint-position        UK and US attribute jointly, publish a technical advisory only, or
                           hold (and the story leaks). What the evidence supports depends on D4,
                           D7 and D8: attributing on thin evidence is rated missed.
Minor decision: msp-pressure (contingency: notify now, or keep holding).

Deadlines are short enough that slow bots sometimes miss them, so headless runs also cover the
timeout branches. Late decisions after a timeout are still honoured where they would change the
story, but objectives stay missed. Every objective is rated once, met or missed, on every path;
any still open at ENDEX is rated missed.
]]

scenario {
  id = "msp-supply-chain",
  title = "Operation Glass Harbour",
  summary = "Joint UK–US response to a state espionage operation that abuses a managed service "
    .. "provider's remote-management platform to reach a UK government department and a US "
    .. "federal agency. Covers supplier reporting, RMM containment, customer notification, "
    .. "cross-border sharing under TLP, forged SAML tokens, evidence preservation, public "
    .. "messaging and joint attribution.",
  start = "2026-05-12T07:00:00Z",
  duration = "72h",
  tlp = "amber",
}

---------------------------------------------------------------------------------------------
-- Organisations and roles
---------------------------------------------------------------------------------------------

-- TLP:AMBER may go to an org's clients: NCSC serves the department and the (UK) MSP, CISA the
-- federal agency, and the MSP shares with the customers it manages.
org "ncsc"        { name = "National Cyber Security Centre (UK)", team = "uk",
                    clients = { "diis", "calderbrook" } }
org "calderbrook" { name = "Calderbrook Managed Services Ltd (Leeds; US arm in Reston, VA)",
                    team = "uk", clients = { "diis", "fela" } }
org "diis"        { name = "Department for Infrastructure and Investment Security", team = "uk" }
org "cisa"        { name = "Cybersecurity and Infrastructure Security Agency", team = "us",
                    clients = { "fela" } }
org "fbi"         { name = "Federal Bureau of Investigation, Cyber Division", team = "us" }
org "nsa"         { name = "National Security Agency, Cybersecurity Collaboration Center",
                    team = "us" }
org "fela"        { name = "Federal Export Licensing Administration", team = "us" }

role "uk-ncsc"    { name = "NCSC Incident Management", org = "ncsc", delay = { "5m", "40m" } }
role "dept-sec"   { name = "DIIS Cyber Security Operations Centre", org = "diis",
                    delay = { "5m", "40m" } }
role "msp-sec"    { name = "Calderbrook Security Operations (CISO)", org = "calderbrook",
                    delay = { "5m", "40m" } }
role "comms"      { name = "Calderbrook Head of Communications", org = "calderbrook",
                    public = true, delay = { "5m", "45m" } }
role "us-cisa"    { name = "CISA Central", org = "cisa", delay = { "10m", "45m" } }
role "us-fbi"     { name = "FBI Washington Field Office, cyber squad", org = "fbi",
                    delay = { "15m", "1h" } }
role "us-nsa"     { name = "NSA Cybersecurity Collaboration Center (intelligence liaison)",
                    org = "nsa", delay = { "20m", "1h" } }
role "agency-soc" { name = "FELA CISO and Security Operations Center", org = "fela",
                    delay = { "10m", "40m" } }

local ALL = { "uk-ncsc", "dept-sec", "msp-sec", "comms", "us-cisa", "us-fbi", "us-nsa",
              "agency-soc" }

---------------------------------------------------------------------------------------------
-- Objectives (each is rated once: met or missed)
---------------------------------------------------------------------------------------------

objective "early-report" { capability = "Operational Communications",
  text = "DIIS reports the supplier compromise to NCSC within an hour of the first alert" }
objective "contain-rmm" { capability = "Cybersecurity",
  text = "Calderbrook takes the compromised RMM platform out of the actor's hands before it is used again" }
objective "client-notice" { capability = "Intelligence and Information Sharing",
  text = "Calderbrook warns every affected customer, with usable indicators, on the day" }
objective "cross-border" { capability = "Intelligence and Information Sharing",
  text = "CISA shares the FELA-derived indicators with NCSC at a workable TLP within the hour" }
objective "evict-agency" { capability = "Cybersecurity",
  text = "FELA closes the forged-token route (stolen AD FS key) before the actor uses it" }
objective "evidence" { capability = "Forensics and Attribution",
  text = "The RMM platform's evidence is preserved and handed to FBI and NCSC before rebuild" }
objective "public-info" { capability = "Public Information and Warning",
  text = "Calderbrook's public lines are timely, accurate and agreed with customers and agencies" }
objective "joint-position" { capability = "Operational Coordination",
  text = "UK and US agree a joint public position, matched to the evidence, before it leaks" }

local OBJECTIVES = { "early-report", "contain-rmm", "client-notice", "cross-border",
                     "evict-agency", "evidence", "public-info", "joint-position" }

---------------------------------------------------------------------------------------------
-- Phases
---------------------------------------------------------------------------------------------

phase "detection"    { title = "Detection",                   at = "0m" }
phase "coordination" { title = "Escalation & coordination",   at = "8h" }
phase "containment"  { title = "Containment & disclosure",    at = "24h" }
phase "recovery"     { title = "Recovery & attribution",      at = "48h" }

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

---------------------------------------------------------------------------------------------
-- PHASE 1: DETECTION (T+0 to T+8h)
---------------------------------------------------------------------------------------------

-- D1: the department's first call. Going to the supplier first is the common real-world reflex.
inject "dept-edr-alert" {
  at = "30m", phase = "detection", to = "dept-sec",
  from = "DIIS Cyber Security Operations Centre, EDR alert queue",
  title = "Remote-management agent side-loading an unsigned DLL on 38 servers",
  body = [[
08:30 BST (07:30Z). Defender for Endpoint grouped 38 overnight alerts into one incident. On each
server the Kestrel RMM agent service (KestrelAgentSvc), which Calderbrook Managed Services runs
for us under the IT services contract, ran an automation procedure at 23:41Z Monday. It dropped
kagent-update.exe (validly signed by Kestrel Systems) and an unsigned version.dll into
C:\ProgramData\Kestrel\Agent\cache\ and started the executable, which loads the DLL.
Since 23:44Z all 38 servers have made HTTPS connections every 15 minutes (+/- 3) to
cdn-status.kestrel-updates.example (203.0.113.45). Kestrel's real update service is
updates.kestrel.example; the look-alike domain was registered nine days ago.
The 38 include DIIS-EXCH-HYB01 (Exchange hybrid) and DIIS-FS-04 (Investment Security Unit
casework share). The night shift closed the incident as "vendor activity"; the day lead has
re-opened it.]],
  tlp = "amber+strict",
  choices = { { "report",   "Report to NCSC and the DSO now; isolate the 38 servers" },
              { "supplier", "Raise a P1 ticket with Calderbrook and wait for their answer" } },
  deadline = "1h",
  expect = "Treat it as a supplier compromise: isolate, preserve memory, report to NCSC (copy "
    .. "GC3) within the hour, then tell Calderbrook",
  objective = "early-report",
}

inject "agency-edr-alert" {
  at = "1h15m", phase = "detection", to = "agency-soc",
  from = "FELA Security Operations Center (overnight shift)",
  title = "Same unsigned DLL on 61 servers, including both AD FS servers",
  body = [[
04:15 EDT. The EDR sensor that reports to CISA under CDM flagged the Kestrel RMM agent on 61 of
our 290 Windows servers loading an unsigned version.dll at 23:41Z (19:41 EDT Monday).
Calderbrook Federal Services manages these servers under our infrastructure contract. All 61
beacon to cdn-status.kestrel-updates.example (203.0.113.45).
Two of them are FELA-ADFS-01 and FELA-ADFS-02, the AD FS farm that signs every sign-in to our
Microsoft 365 tenant and to the export-licence case system. At 02:12Z FELA-ADFS-01 also ran
PowerShell that read the AD FS configuration database and the DKM key container in Active
Directory, then sent 31 KB to api.northgate-telemetry.example (198.51.100.140). That is the
pattern for stealing a token-signing key.
Federal incident notification guidelines: report to CISA within one hour of identification.]],
  tlp = "amber+strict",
  expect = "Report to CISA within the hour; wake the CISO; take memory from the AD FS servers "
    .. "before anything is rebuilt; isolate what can be isolated",
}

-- D2: the Kaseya dilemma. Shutting the platform down stops the delivery channel but not the
-- 214 implants, and stops patching and backups for 140 customers.
inject "msp-rmm-alert" {
  at = "2h", phase = "detection", to = "msp-sec",
  from = "Calderbrook Security Operations (SOC lead)",
  title = "Our Kestrel RMM server pushed the procedure to 214 customer endpoints",
  body = [[
10:00 BST. FELA has raised a P1 about an automation procedure named "KRMM Agent Health Check
v2". Nobody at Calderbrook created it and it is not in the change system. The audit log of
rmm.calderbrook.example (192.0.2.20), as forwarded to our SIEM, shows:
- 23:36Z Monday: an API session for technician t.hartley from 198.51.100.62, opened through
  /api/v3/auth/sso-callback with no MFA challenge. Ms Hartley was asleep; her laptop was off.
- 23:38Z: procedure created. 23:41Z: pushed to 214 endpoints at nine customers: DIIS 38,
  FELA 61, Harrowgate Precision Engineering 22, Brindle & Shaw LLP 17, Northvale Homes 14,
  and four others 62.
- 23:52Z: the same session deleted the server's own audit entries for 23:36 to 23:50.
The server still holds live agent connections to all 140 customers (about 9,600 endpoints) and
runs their patching and backup jobs. The CISO must decide now.]],
  tlp = "amber+strict",
  choices = { { "shutdown", "Shut the Kestrel RMM servers down now and tell all customers" },
              { "contain",  "Disable the procedure and the account; keep the platform up" } },
  deadline = "1h",
  expect = "Take the platform offline (the Kaseya VSA lesson) and preserve it; notify NCSC and "
    .. "CISA; start customer notification",
  objective = "contain-rmm",
}

inject "cisa-fela-report" {
  at = "2h30m", phase = "detection", to = "us-cisa",
  from = "CISA Central (federal incident report from FELA)",
  title = "FELA reports a suspected supply-chain compromise through its IT contractor",
  body = [[
05:30 EDT. FELA's SOC has reported 61 servers running an unsigned DLL pushed by its contractor's
Kestrel RMM platform, and possible theft of its AD FS token-signing key (PowerShell against the
DKM container; 31 KB to api.northgate-telemetry.example, 198.51.100.140).
CDM shows Kestrel RMM agents at six other federal civilian agencies; none show the DLL yet.
The contractor, Calderbrook Federal Services LLC (Reston, Virginia), is the US arm of
Calderbrook Managed Services Ltd of Leeds. Its public customer list includes a UK government
department.]],
  tlp = "amber",
  expect = "Send a hunt team to FELA; engage Calderbrook; coordinate with the FBI; tell NCSC "
    .. "through the liaison officer; consider an Emergency Directive",
}

inject "vendor-advisory" {
  at = "3h", phase = "detection", to = { "msp-sec", "us-cisa", "uk-ncsc" },
  from = "Kestrel Systems PSIRT (coordinated disclosure, pre-release)",
  title = "KSA-2026-011: authentication bypass in on-premises Kestrel RMM 9.2 to 9.4.6",
  body = [[
We are investigating exploitation of an authentication bypass in the SSO callback of the Kestrel
RMM web API (on-premises 9.2 to 9.4.6). A crafted request returns a valid session for any
technician account, without MFA. A small number of on-premises customers are affected; the
cloud-hosted service is not. A hotfix (9.4.7) is expected within 36 hours.
Until then we strongly recommend that on-premises Kestrel RMM servers are shut down at once.
This notice is TLP:AMBER for customers and national CSIRTs. A public advisory follows at
18:00Z.]],
  tlp = "amber",
  expect = "MSP: shut down and preserve. NCSC and CISA: find other UK and US operators of "
    .. "on-premises Kestrel and warn them",
}

-- Only on the "supplier" path: the service desk answers the ticket without asking the SOC.
inject "calderbrook-reply" {
  phase = "detection", to = "dept-sec",
  from = "Calderbrook Service Desk (P1 ticket response)",
  title = "Calderbrook: \"a routine agent health check\"",
  body = [[
"Thank you for your P1. 'KRMM Agent Health Check v2' is a scheduled procedure run by our RMM
team to validate agent versions. The outbound connections go to Kestrel's update CDN and are
expected. We will close this ticket in 24 hours unless you have further questions."
The reply came from a first-line agent. Calderbrook's SOC was not copied.]],
  tlp = "amber",
  expect = "Do not accept the reassurance: the domain is not Kestrel's. Escalate inside "
    .. "Calderbrook and report to NCSC",
}

inject "dept-second-look" {
  phase = "detection", to = "dept-sec",
  from = "DIIS Cyber Security Operations Centre (day-shift analyst)",
  title = "The \"health check\" took 2.3 GB from the Investment Security Unit share",
  body = [[
Kestrel's genuine update domain is updates.kestrel.example. cdn-status.kestrel-updates.example
is nine days old and registered through a privacy proxy. While we waited on the ticket,
DIIS-FS-04 sent 2.3 GB to 203.0.113.45 in 40 MB chunks, from \\DIIS-FS-04\ISU\Casework\2026\.
Calderbrook's SOC has now called us: the procedure is not theirs. The deputy DSO wants NCSC on
the phone now.]],
  tlp = "amber+strict",
  expect = "Report to NCSC at once; isolate and preserve; record why the report was delayed",
}

-- The department's report, whichever way NCSC hears of it.
inject "ncsc-dept-report" {
  phase = "detection", to = "uk-ncsc",
  from = "DIIS Departmental Security Officer (NCSC incident report)",
  title = "Incident report: supplier RMM tool used to plant malware on DIIS servers",
  body = [[
DIIS reports that an automation procedure pushed through Calderbrook Managed Services' Kestrel
RMM platform planted a side-loaded DLL on 38 DIIS servers at 23:41Z Monday. They beacon to
cdn-status.kestrel-updates.example (203.0.113.45). The servers include our Exchange hybrid
server and the Investment Security Unit file share, which holds OFFICIAL-SENSITIVE casework
under the National Security and Investment Act. We are isolating the 38 servers and have memory
images of four. We ask for NCSC incident management support. GC3 is copied.]],
  tlp = "amber",
  expect = "Open an incident and categorise it (central government, state-style tradecraft: "
    .. "Category 2); call Calderbrook; ask CISA what it sees",
}

-- Contingency: NCSC hears about its own department from the US side.
inject "ncsc-partner-tip" {
  contingency = true, phase = "detection", to = "uk-ncsc",
  from = "NCSC liaison officer at CISA, and NCSC Protective DNS",
  title = "CISA: \"Your department is on Calderbrook's list. Have they told you?\"",
  body = [[
CISA's report from FELA names the supplier as Calderbrook Managed Services, whose customer list
includes DIIS. NCSC Protective DNS confirms it: DIIS resolvers have looked up
cdn-status.kestrel-updates.example 3,640 times since 23:44Z Monday. DIIS has not reported
anything. The duty incident manager is calling the DIIS DSO now.]],
  tlp = "amber",
  expect = "Engage DIIS and get a report; find out why the department went to its supplier "
    .. "first",
  objective = "early-report",
}

-- D3: whom to tell, and when. Cloud Hopper victims often heard late, and from government.
inject "msp-customer-notice" {
  at = "5h", phase = "detection", to = "msp-sec",
  from = "Calderbrook CEO, General Counsel and CISO (bridge call)",
  title = "What do we tell the nine affected customers, and when?",
  body = [[
13:00 BST. The insurer's panel forensics firm, Marlow Ridge, confirms that the procedure ran at
all nine customers and that the DLL phoned home from at least 170 of the 214 endpoints. Outside
counsel advises that every notice goes through a privilege review, which takes about 48 hours.
Contracts: DIIS's security schedule requires notice within 24 hours, FELA's within 8. The other
seven say "without undue delay". One of them, Harrowgate Precision Engineering, supplies the MOD.
Options:
(a) tell all nine today by phone, send a TLP:AMBER indicator pack and offer hunting support;
(b) tell only the two government customers now, as their contracts require;
(c) hold every notice until counsel's review is done.]],
  tlp = "amber+strict",
  choices = { { "all",     "Tell all nine customers today, with the indicator pack" },
              { "gov",     "Tell only DIIS and FELA now" },
              { "counsel", "Hold all notices for the 48-hour legal review" } },
  deadline = "1h",
  expect = "Tell every affected customer today with actionable indicators; bring NCSC and CISA "
    .. "in; do not let legal review delay containment",
  objective = "client-notice",
}

inject "msp-notice-hunt" {
  phase = "coordination", to = "msp-sec",
  from = "Calderbrook customer-success team (hunt results)",
  title = "Customers hunt with our pack: Harrowgate stops the staging in time",
  body = [[
All nine customers have acknowledged the indicator pack and seven have confirmed the DLL.
Harrowgate Precision Engineering found 7z archives of its CAD vault (36 GB,
"HPE-Typhon-II-RevF") staged on HPE-FS-02 and blocked 203.0.113.88 before the upload started.
Brindle & Shaw found the actor listing the mailboxes of its sanctions-practice partners; nothing
appears to have left. Two customers asked whom to report to; we pointed them to NCSC.]],
  tlp = "amber",
  expect = "Track each customer's eviction; pass new indicators (203.0.113.88) to NCSC and CISA",
}

inject "harrowgate-exfil" {
  phase = "coordination", to = { "msp-sec", "uk-ncsc" },
  from = "Harrowgate Precision Engineering CISO (through NCSC)",
  title = "Harrowgate: 36 GB of defence design archives gone, and nobody told us",
  body = [[
Harrowgate Precision Engineering, an MOD supplier, has found 7z archives of its CAD vault
("HPE-Typhon-II-RevF", 36 GB) staged on HPE-FS-02 and uploaded to 203.0.113.88 in the last few
hours. It learned of the Calderbrook compromise from NCSC, not from Calderbrook, and asks why its
managed service provider said nothing. MOD's defence industry security team is engaged.]],
  tlp = "amber",
  expect = "Calderbrook explains and supports Harrowgate; NCSC assesses the defence impact with "
    .. "MOD; add 203.0.113.88 to the shared indicators",
}

-- Contingency: government steps in when the MSP holds its notices.
inject "msp-pressure" {
  contingency = true, phase = "coordination", to = "msp-sec",
  from = "NCSC Director of Operations and CISA EAD for Cybersecurity (joint call to the CEO)",
  title = "NCSC and CISA: \"Your customers need to hear it from you, today\"",
  body = [[
Both agencies have just spoken to our CEO. They know the procedure reached nine customers and
that seven have not been told. NCSC will contact the UK victims itself tomorrow morning if we
have not; CISA will do the same in the US. Both offer to join the customer calls. Counsel still
advises waiting for the privilege review.]],
  tlp = "amber+strict",
  choices = { { "notify", "Notify all affected customers now, with NCSC and CISA on the calls" },
              { "hold",   "Keep holding until counsel's review is done" } },
  deadline = "1h",
  expect = "Notify now; agree with NCSC and CISA who tells whom",
  objective = "client-notice",
}

inject "rmm-shutdown-holds" {
  phase = "detection", to = { "msp-sec", "uk-ncsc" },
  from = "Calderbrook Security Operations",
  title = "RMM platform dark; no sign the actor has noticed",
  body = [[
The Kestrel servers have been offline for four hours. Nobody has tried the API or the technician
accounts from outside since. The 214 implants still beacon to 203.0.113.45, so eviction is now a
customer-by-customer job. Patching and backup jobs for all 140 customers are paused.]],
  tlp = "amber",
  expect = "Help each affected customer evict; plan a clean rebuild; keep the servers for the "
    .. "investigators",
}

inject "actor-fallback" {
  phase = "detection", to = { "msp-sec", "uk-ncsc" },
  from = "Calderbrook Security Operations",
  title = "Actor tries our Citrix gateway, then starts cleaning up",
  body = [[
Ninety minutes after the RMM went dark, 41 logons hit our Citrix gateway
(remote.calderbrook.example) from 203.0.113.99 with three technicians' usernames, t.hartley
among them. Conditional access blocked them all. At the same time, the DLL on 70 customer
endpoints ran "wevtutil cl" on the Security and PowerShell logs and deleted itself.
The actor knows it has been seen. Marlow Ridge warns that evidence at the customers is now
thinner, and that the actor may move faster wherever it still has implants.]],
  tlp = "amber",
  expect = "Reset every technician credential; warn customers that the actor is alerted; share "
    .. "203.0.113.99",
}

inject "rmm-reentry" {
  phase = "coordination", to = { "msp-sec", "uk-ncsc", "us-cisa" },
  from = "Calderbrook Security Operations",
  title = "Actor back in the RMM as another technician; 229 more FELA servers hit",
  body = [[
Forty minutes ago the Kestrel API issued a session for technician d.okafor to 198.51.100.62,
again with no MFA: disabling t.hartley did not close the bypass. A new procedure, "KRMM Cache
Cleanup", pushed the same DLL to FELA's remaining 229 servers and to two more customers, then
deleted its audit entries. We have now shut the platform down.]],
  tlp = "amber",
  expect = "Keep the platform down and preserve it; tell FELA, CISA and the two new customers at "
    .. "once",
}

inject "rmm-outage-calls" {
  phase = "detection", to = { "comms", "msp-sec" },
  from = "Calderbrook Service Desk manager",
  title = "412 calls in three hours: \"Is this another Kaseya?\"",
  body = [[
Customers' patch and backup jobs are failing and the status page says only "Kestrel RMM:
unplanned maintenance". A thread on a public MSP forum, "Calderbrook pulled Kestrel, anyone know
why?", has 300 replies, some guessing ransomware. Two customers say their own clients are asking
them. The service desk has no script and wants one within the hour.]],
  tlp = "amber",
  expect = "Give the desk a factual customer script; agree public holding lines with the CISO, "
    .. "counsel, NCSC and CISA before anything goes out",
}

-- Phase 1 logic ----------------------------------------------------------------------------

local function ncsc_learns(how)
  if state.ncsc_aware then return end
  state.ncsc_aware = now()
  state.ncsc_via = how
  log("NCSC is aware of the DIIS compromise (" .. how .. ")")
  if how == "CISA liaison" then
    later("dept-confirms", "1h", function()
      fire_once("ncsc-dept-report", { title = "DIIS confirms supplier compromise after NCSC call" })
    end)
  else
    fire_once("ncsc-dept-report")
  end
end

-- The supplier route: a wrong reassurance, then the department's own second look.
local function ask_supplier()
  later("supplier-reply", "40m", function() fire_once("calderbrook-reply") end)
  later("second-look", "3h", function()
    fire_once("dept-second-look")
    log("DIIS finds 2.3 GB gone from its casework share while it waited on the supplier")
    ncsc_learns("DIIS report after its second look")
  end)
end

-- D1: report, or ask the supplier.
on("decision", "dept-edr-alert", function(d)
  if state.dept_choice then                -- after the timeout: a late call still counts
    if d.choice == "report" then ncsc_learns("late report by DIIS")
    else ask_supplier() end
    return
  end
  state.dept_choice = d.choice
  if d.choice == "report" then
    rate("early-report", not d.late, string.format("DIIS reported %d minutes after the alert",
         (d.t - 30 * 60) // 60))
    ncsc_learns("report by DIIS")
  else
    rate("early-report", false, "DIIS asked its supplier first")
    log("DIIS raises a P1 with Calderbrook instead of reporting to NCSC")
    ask_supplier()
  end
end)

on("timeout", "dept-edr-alert", function(ev)
  state.dept_choice = "none"
  rate("early-report", false, "EDR incident sat unanswered past its one-hour deadline")
end)

-- Contingency: CISA's liaison tells NCSC at 12:30 BST if DIIS still has not.
at("4h30m", function()
  if not state.ncsc_aware then
    fire_once("ncsc-partner-tip")
    ncsc_learns("CISA liaison")
  end
end)

-- D2: shut the platform down, or keep it up.
local function shutdown(late)
  state.rmm = "shutdown"
  cancel("reentry")
  rate("contain-rmm", not late, late and "platform shut down after the deadline"
       or "platform shut down within the hour")
  later("outage-calls", "3h", function() fire_once("rmm-outage-calls") end)
  if random(100) <= 35 then
    -- Planners: a 35% chance that the actor notices the platform going dark.
    state.actor_alerted = true
    log("The actor noticed the RMM shutdown")
    later("fallback", "1h30m", function() fire_once("actor-fallback") end)
  else
    later("holds", "4h", function() fire_once("rmm-shutdown-holds") end)
  end
end

local function keep_platform()
  state.rmm = "kept"
  later("reentry", "6h", function()
    state.rmm = "forced"
    fire_once("rmm-reentry")
    rate("contain-rmm", false, "actor re-entered through the unpatched bypass")
    log("Actor re-enters the RMM; Calderbrook is forced to shut it down")
    later("outage-calls", "3h", function() fire_once("rmm-outage-calls") end)
  end)
end

on("decision", "msp-rmm-alert", function(d)
  if state.rmm == "shutdown" or state.rmm == "forced" then return end
  if d.choice == "shutdown" then
    shutdown(d.late or state.rmm == "kept")
  elseif not state.rmm then
    log("Calderbrook keeps the RMM platform up with the procedure disabled")
    keep_platform()
  end
end)

on("timeout", "msp-rmm-alert", function(ev)
  log("No decision on the RMM platform: it stays up by default")
  keep_platform()
end)

-- D3: customer notification.
local function harrowgate_loses()
  -- An alerted actor moves faster where it still has implants.
  later("harrowgate", state.actor_alerted and "8h" or "14h", function()
    fire_once("harrowgate-exfil")
    log("Harrowgate's design archive leaves through 203.0.113.88")
  end)
end

local function notify_all(late)
  state.notice = "all"
  cancel("harrowgate")
  cancel("pressure")
  rate("client-notice", not late, late and "all customers told, but late"
       or "all nine customers told on the day, with indicators")
  later("notice-hunt", "3h", function() fire_once("msp-notice-hunt") end)
end

on("decision", "msp-customer-notice", function(d)
  if state.notice == "all" then return end
  if d.choice == "all" then notify_all(d.late or state.notice ~= nil) return end
  if state.notice then return end          -- a late partial choice changes nothing
  state.notice = d.choice
  if d.choice == "gov" then
    rate("client-notice", false, "only the government customers were told")
    log("Calderbrook tells DIIS and FELA only")
  else
    rate("client-notice", false, "all notices held for legal review")
    log("Calderbrook holds customer notices for legal review")
    later("pressure", "4h", function() fire_once("msp-pressure") end)
  end
  harrowgate_loses()
end)

on("timeout", "msp-customer-notice", function(ev)
  state.notice = "none"
  rate("client-notice", false, "no notification decision on the day")
  later("pressure", "3h", function() fire_once("msp-pressure") end)
  harrowgate_loses()
end)

on("decision", "msp-pressure", function(d)
  if d.choice == "notify" then
    if state.notice ~= "all" then notify_all(true) end
  else
    log("Calderbrook keeps holding; NCSC and CISA will tell the victims themselves")
  end
end)

on("timeout", "msp-pressure", function(ev)
  log("No answer from Calderbrook; NCSC and CISA prepare direct victim notifications")
end)

---------------------------------------------------------------------------------------------
-- PHASE 2: ESCALATION & COORDINATION (T+8h to T+24h)
---------------------------------------------------------------------------------------------

inject "gc3-scope" {
  at = "8h30m", phase = "coordination", to = { "uk-ncsc", "dept-sec" },
  from = "Government Cyber Coordination Centre (GC3), with DSIT",
  title = "GC3: which other public bodies use Calderbrook?",
  body = [[
16:30 BST. GC3 has matched Calderbrook against its supplier register: four other public bodies
(two arm's-length bodies, a fire and rescue service and a county council) buy services from it,
though not, as far as we know, the Kestrel RMM service. DSIT, which leads on government cyber
security, asks for:
- the NCSC category;
- a line for the Security Minister by 08:00 BST tomorrow;
- whether DIIS holds anything that needs the ICO or a ministerial statement.
The DIIS Permanent Secretary is the department's SIRO.]],
  tlp = "amber",
  expect = "Confirm Category 2; NCSC contacts the four bodies; DIIS starts its SIRO and ICO "
    .. "assessment",
}

-- D4: collect covertly on the second stage, or take it down.
inject "fbi-case" {
  at = "9h", phase = "coordination", to = "us-fbi",
  from = "FBI Washington Field Office, cyber squad supervisor (with NCIJTF)",
  title = "Second-stage C2 is a VPS in Ashburn: collect covertly, or take it down?",
  body = [[
12:00 EDT. api.northgate-telemetry.example resolves to 198.51.100.140, a VPS at a hosting
provider in Ashburn, Virginia, rented 19 days ago with a prepaid card. The provider has our
preservation letter (18 U.S.C. 2703(f)) and will cooperate. Two options are before the AUSA:
- Covert: a search warrant for the VPS image and a pen register/trap-and-trace order on its
  traffic. Within a day it could show the operators, their working hours and other victims.
  Partners would have to keep 198.51.100.140 and the domain out of public and wide-distribution
  products for 72 hours.
- Disrupt: a seizure warrant for the domain and a takedown of the VPS this afternoon. It cuts
  the second stage for every victim at once, and tells the actor we are on to it.
NCIJTF has informed the NCA's National Cyber Crime Unit through the Legal Attaché in London.]],
  tlp = "amber+strict",
  choices = { { "covert",  "Seek warrants for covert collection; ask partners for restraint" },
              { "disrupt", "Seize the domain and take the VPS down today" } },
  deadline = "1h30m",
  expect = "Decide with CISA and NCSC, who must honour any handling restriction; deconflict "
    .. "with the NCA; keep the victims' interests in view",
}

inject "c2-sinkholed" {
  phase = "coordination", to = { "us-fbi", "us-cisa", "uk-ncsc" },
  from = "FBI Washington Field Office",
  title = "Domain seized: the sinkhole sees 27 victims, eight outside Calderbrook",
  body = [[
The seized domain now points at an FBI sinkhole; the VPS was imaged before takedown. In two hours
the sinkhole logged check-ins from 27 distinct addresses: 19 belong to Calderbrook customers and
eight to customers of Larkspur IT Partners, an MSP in Columbus, Ohio, that runs the same Kestrel
version. The actor has not yet appeared on new infrastructure.]],
  tlp = "amber",
  expect = "CISA and FBI notify Larkspur and its customers; NCSC checks for UK Larkspur "
    .. "customers; watch for the actor rebuilding C2",
}

inject "ucg-stand-up" {
  at = "10h", phase = "coordination", to = { "us-cisa", "us-fbi", "us-nsa" },
  from = "National Security Council, Cyber Directorate",
  title = "Cyber UCG convened under PPD-41 (Level 3, High)",
  body = [[
13:00 EDT. The NSC judges the compromise of FELA through its IT contractor a significant cyber
incident (severity Level 3, High). A Cyber Unified Coordination Group meets by secure video at
18:00 EDT. Lines of effort: threat response (FBI), asset response (CISA), intelligence support
(NSA for the intelligence community). Commerce and GSA attend for contractor oversight. Each
agency brings what it knows, what it has shared with NCSC and at what TLP, and what it needs
from the UK.]],
  tlp = "amber",
  expect = "Attend; confirm the lines-of-effort leads; align the US position with NCSC before "
    .. "the meeting",
}

inject "nsa-tearline" {
  at = "11h", phase = "coordination", to = { "us-nsa", "uk-ncsc" },
  from = "NSA Cybersecurity Collaboration Center, with GCHQ (tearline)",
  title = "Tearline: infrastructure overlaps GLASS HARBOUR's 2024 MSP campaign",
  body = [[
For CISA, FBI and NCSC operational staff only. 198.51.100.62 and 203.0.113.45 were set up
through the same reseller account as infrastructure used by GLASS HARBOUR, a cluster we assess
works for a hostile state's foreign intelligence service. In 2024 GLASS HARBOUR compromised three
MSPs to reach government and defence customers.
Confidence that this operation is GLASS HARBOUR: moderate. Gaps: who tasked it, when access
began, and whether other MSPs' RMM servers are in use. Forensic images of the RMM platform and
collection on the second stage would each help.]],
  tlp = "red",
  expect = "Write a releasable version for CISA and NCSC products; no public attribution; say "
    .. "what would raise confidence",
}

-- D5: cross-border sharing. Fired at T+12h with the FBI's position in the text.
inject "cisa-ncsc-share" {
  phase = "coordination", to = "us-cisa",
  from = "NCSC liaison officer at CISA",
  title = "NCSC asks for the FELA-derived second-stage indicators",
  body = [[
15:00 EDT. CISA's hunt at FELA has produced what nobody in the UK has: the second-stage C2
(api.northgate-telemetry.example, 198.51.100.140), the PowerShell used against AD FS, and the
Microsoft Graph client signature the actor uses to read mail (app name "Kestrel Mail Connector";
sign-ins from 198.51.100.151). NCSC wants them tonight so that DIIS and Calderbrook can hunt.
(At delivery, Control adds the FBI's position on 198.51.100.140: restraint asked, already
seized, or undecided.)
Options: TLP:AMBER (NCSC may pass them to DIIS and Calderbrook on a need-to-know basis);
TLP:AMBER+STRICT (NCSC only; it can hunt with its own sensors in government networks); or hold
until the UCG has reviewed.]],
  tlp = "amber+strict",
  choices = { { "amber",  "Share with NCSC now at TLP:AMBER" },
              { "strict", "Share with NCSC now at TLP:AMBER+STRICT" },
              { "hold",   "Hold until the UCG has reviewed" } },
  deadline = "1h",
  expect = "Share actionable indicators at a TLP that reaches the UK victims; meet any FBI "
    .. "restriction with a label, not with silence",
  objective = "cross-border",
}

-- Contingency: the UK escalates when CISA holds.
inject "ncsc-escalates" {
  contingency = true, phase = "coordination", to = "us-cisa",
  from = "CISA Executive Assistant Director for Cybersecurity",
  title = "NCSC's CEO: \"A UK department is being read as we speak\"",
  body = [[
NCSC's CEO has called our Director. NCSC believes DIIS mail is being read through the same Graph
API technique we found at FELA, and cannot hunt without our signature. In her words: "Label it
however you need, but send it." The FBI says AMBER+STRICT would not harm its case. Share now,
and tell me the label.]],
  tlp = "amber+strict",
  choices = { { "amber",  "Share with NCSC now at TLP:AMBER" },
              { "strict", "Share with NCSC now at TLP:AMBER+STRICT" } },
  deadline = "1h",
  expect = "Share at once; repair the relationship at working level",
  objective = "cross-border",
}

inject "ncsc-gets-iocs" {
  phase = "coordination", to = "uk-ncsc",
  from = "CISA (through the NCSC liaison officer)",
  title = "CISA indicators received at TLP:AMBER",
  body = [[
CISA has shared the second-stage C2 (api.northgate-telemetry.example, 198.51.100.140), the AD FS
PowerShell, and the Graph client signature ("Kestrel Mail Connector", sign-ins from
198.51.100.151) at TLP:AMBER. You may pass them to DIIS and Calderbrook, both NCSC clients, on a
need-to-know basis. Keep them out of any TLP:GREEN or public product.]],
  tlp = "amber",
  expect = "Pass the indicators to DIIS and Calderbrook under the label; hunt national telemetry",
}

inject "dept-mailbox-find" {
  phase = "coordination", to = { "dept-sec", "uk-ncsc" },
  from = "DIIS Cyber Security Operations Centre (hunt with CISA indicators)",
  title = "Actor reading Investment Security Unit mail through a rogue app registration",
  body = [[
The hunt with the Graph signature matched. At 01:20Z on Tuesday, working from DIIS-EXCH-HYB01 with the hybrid
server's certificate, the actor added an app registration, "Kestrel Mail Connector", with
application-level Mail.Read consent. Since then 198.51.100.151 has read three mailboxes in the
Investment Security Unit: 1.1 GB, mostly calendars and two weeks of email. The ISU director's
mailbox was next in the sequence. DIIS has disabled the app, revoked its credentials and kept the
sign-in and unified audit logs.]],
  tlp = "amber+strict",
  expect = "Revoke and preserve; assess the ICO duty (72 hours from awareness); brief the SIRO "
    .. "and ministers; tell NCSC and CISA",
}

-- D6: the Golden SAML dilemma.
inject "agency-adfs" {
  at = "14h", phase = "coordination", to = "agency-soc",
  from = "CISA hunt team at FELA, with FELA's CISO",
  title = "AD FS token-signing key stolen: rotate tonight, or watch?",
  body = [[
17:00 EDT. Memory from FELA-ADFS-01 confirms that the token-signing certificate's private key
was exported at 02:12Z. With it the actor can forge SAML tokens for any FELA user, admins
included, and walk past MFA into Microsoft 365 and the export-licence case system (the "Golden
SAML" technique of 2020). No forged token has been seen yet.
Option A: rotate the token-signing certificate twice, revoke all sessions and refresh tokens and
reset the AD FS service account tonight. Single sign-on is down for about six hours, across the
quarterly export-licence filing deadline at 23:59 EDT.
Option B: alert on sign-ins with no matching AD FS issuance event and rotate in Saturday's
change window, with a chance to see what the actor is after.]],
  tlp = "amber+strict",
  choices = { { "rotate", "Rotate the key twice and revoke all sessions tonight" },
              { "watch",  "Monitor for forged tokens; rotate on Saturday" } },
  deadline = "1h",
  expect = "Rotate and revoke now; extend the filing deadline; keep CISA and the FBI informed",
  objective = "evict-agency",
}

inject "adfs-rotated" {
  phase = "coordination", to = { "agency-soc", "us-cisa" },
  from = "FELA Security Operations Center",
  title = "Key rotated; two forged tokens rejected",
  body = [[
Both rotations completed overnight. Two hours later Entra ID rejected two SAML tokens signed
with the old key, for a FELA administrator and the Export Enforcement director, presented from
198.51.100.151. The stolen key is now useless. The agency head extended the filing deadline by
48 hours; 312 exporters were affected.]],
  tlp = "amber",
  expect = "Confirm no forged token succeeded; pass 198.51.100.151 activity to CISA and the FBI",
}

inject "forged-saml" {
  phase = "coordination", to = { "agency-soc", "us-cisa", "us-fbi" },
  from = "CISA hunt team at FELA",
  title = "Forged SAML tokens used to read the Export Enforcement director's mail",
  body = [[
Sign-in logs show tokens that AD FS never issued, for the Export Enforcement director and two
licensing officers, used from 198.51.100.151 over the last six hours. The actor read their mail
and downloaded 1,900 files from the "Enforcement-Cases" SharePoint site, including draft
referrals for the entity list. The token's claims satisfied MFA. CISA recommends emergency
rotation now.]],
  tlp = "amber+strict",
  expect = "Rotate twice and revoke at once; scope what was read; brief agency leadership; "
    .. "consider a major-incident determination",
  objective = "evict-agency",
}

inject "cisa-ed" {
  at = "18h", phase = "coordination", to = { "agency-soc", "us-cisa" },
  from = "CISA (Emergency Directive 26-02)",
  title = "ED 26-02: disconnect on-premises Kestrel RMM servers and agents",
  body = [[
21:00 EDT Tuesday. Under 44 U.S.C. 3553(h), all federal civilian executive branch agencies
must:
1. by 12:00 EDT Wednesday, disconnect or power down every on-premises Kestrel RMM server, and
   every agent managed by one, including those run by contractors on the agency's behalf;
2. hunt for the published indicators (cdn-status.kestrel-updates.example, 203.0.113.45);
3. report their status to CISA by 12:00 EDT Wednesday.
Agencies must not reconnect Kestrel RMM until CISA says so.]],
  tlp = "clear",
  expect = "FELA confirms disconnection and reports on time; CISA tracks compliance",
}

-- Phase 2 logic ----------------------------------------------------------------------------

-- D4: the FBI's choice.
on("decision", "fbi-case", function(d)
  if state.fbi and state.fbi ~= "none" then return end
  state.fbi = d.choice
  if d.choice == "covert" then
    log("FBI seeks warrants for covert collection on 198.51.100.140")
  else
    log("FBI seizes api.northgate-telemetry.example and takes the VPS down")
    later("sinkhole", "2h", function() fire_once("c2-sinkholed") end)
  end
end)

on("timeout", "fbi-case", function(ev)
  state.fbi = "none"
  log("No FBI decision yet: the second-stage VPS stays up, uncollected")
end)

-- D5 is asked at 15:00 EDT, in the light of whatever the FBI has decided.
local FBI_CONTEXT = {
  covert = "The FBI has asked that 198.51.100.140 and the domain stay within government "
    .. "channels for 72 hours while it collects under court order.",
  disrupt = "The FBI seized the domain this afternoon, so the C2 indicators are already "
    .. "burnt; the Graph signature is not.",
  none = "The FBI has not yet decided whether to collect on 198.51.100.140 or take it down.",
}

at("12h", function()
  local body = [[
15:00 EDT. CISA's hunt at FELA has produced what nobody in the UK has: the second-stage C2
(api.northgate-telemetry.example, 198.51.100.140), the PowerShell used against AD FS, and the
Microsoft Graph client signature the actor uses to read mail (app name "Kestrel Mail Connector";
sign-ins from 198.51.100.151). NCSC wants them tonight so that DIIS and Calderbrook can hunt.
]] .. FBI_CONTEXT[state.fbi or "none"] .. [[

Options: TLP:AMBER (NCSC may pass them to DIIS and Calderbrook on a need-to-know basis);
TLP:AMBER+STRICT (NCSC only; it can hunt with its own sensors in government networks); or hold
until the UCG has reviewed.]]
  fire_once("cisa-ncsc-share", { body = body })
end)

-- The mail-reading is found when DIIS (or NCSC for it) hunts with the Graph signature. The
-- later the hunt, the more has been read: by T+16h (midnight BST) the actor has worked through
-- the ISU and reached the Permanent Secretary's private office. In practice only a timely share
-- (AMBER: DIIS hunts an hour later; AMBER+STRICT: NCSC hunts for DIIS two hours later) is in
-- time.
local LATE_FIND = [[
The hunt with the Graph signature matched. At 01:20Z on Tuesday, working from DIIS-EXCH-HYB01 with the hybrid
server's certificate, the actor added an app registration, "Kestrel Mail Connector", with
application-level Mail.Read consent. Since then 198.51.100.151 has read 14 mailboxes in the
Investment Security Unit and the Permanent Secretary's private office: 9.4 GB, including
ministerial submissions on two National Security and Investment Act call-in cases. DIIS has
disabled the app, revoked its credentials and kept the sign-in and unified audit logs.]]

local function dept_hunts(dur, from)
  if state.hunt_planned then return end
  state.hunt_planned = true
  later("hunt", dur, function()
    state.mail_found = now()
    local o = { from = from }
    if now() >= 16 * HOUR then
      state.mail_loss = "large"
      o.body = LATE_FIND
    else
      state.mail_loss = "small"
    end
    fire_once("dept-mailbox-find", o)
    log(state.mail_loss == "small" and "DIIS finds the rogue mail app early: three mailboxes read"
        or "DIIS finds the rogue mail app late: 14 mailboxes and ministerial submissions read")
  end)
end

local function share(choice, late)
  state.share = choice
  cancel("escalate")
  if choice == "amber" then
    log("CISA shares the FELA indicators with NCSC at TLP:AMBER")
    rate("cross-border", not late, "shared at TLP:AMBER; NCSC passed them to DIIS")
    fire_once("ncsc-gets-iocs")
    dept_hunts("1h", "DIIS Cyber Security Operations Centre (hunt with CISA indicators)")
  else
    log("CISA shares the FELA indicators with NCSC at TLP:AMBER+STRICT")
    rate("cross-border", not late, "shared at AMBER+STRICT; NCSC hunted on DIIS's behalf")
    fire_once("ncsc-gets-iocs", { title = "CISA indicators received at TLP:AMBER+STRICT",
      tlp = "amber+strict", body = [[
CISA has shared the second-stage C2, the AD FS PowerShell and the Graph client signature
("Kestrel Mail Connector", sign-ins from 198.51.100.151) at TLP:AMBER+STRICT: NCSC only. You may
hunt with Protective DNS and the Host Based Capability in DIIS, but may not hand the indicators
to DIIS or Calderbrook without CISA's permission.]] })
    -- NCSC's own sensors in the department find it, more slowly than DIIS's full EDR would.
    dept_hunts("2h", "NCSC Host Based Capability hunt at DIIS")
  end
end

on("decision", "cisa-ncsc-share", function(d)
  if state.share == "amber" or state.share == "strict" then return end
  if d.choice ~= "hold" then share(d.choice, d.late or state.share ~= nil) return end
  if state.share then return end           -- a late "hold" after the timeout changes nothing
  state.share = "hold"
  rate("cross-border", false, "CISA held the indicators pending UCG review")
  later("escalate", "3h", function() fire_once("ncsc-escalates") end)
end)

on("timeout", "cisa-ncsc-share", function(ev)
  state.share = "none"
  rate("cross-border", false, "no sharing decision within the hour")
  later("escalate", "2h", function() fire_once("ncsc-escalates") end)
end)

on("decision", "ncsc-escalates", function(d)
  if state.share == "hold" or state.share == "none" then share(d.choice, true) end
end)

on("timeout", "ncsc-escalates", function(ev)
  log("CISA still holding; DIIS has no way to find the mail access itself")
end)

-- If nobody ever hunts with the Graph signature, Microsoft tells the department.
at("30h", function()
  if not state.hunt_planned then
    dept_hunts(0, "Microsoft Threat Intelligence (nation-state actor notification)")
  end
end)

-- D6: rotate the AD FS key, or watch.
local function rotate(late)
  state.adfs = "rotated"
  cancel("forged")
  rate("evict-agency", not late, late and "key rotated after the deadline"
       or "key rotated and sessions revoked the same night")
  later("rotated", "6h", function() fire_once("adfs-rotated") end)
end

local function watch_adfs(note)
  state.adfs = "watch"
  log(note)
  later("forged", "10h", function()
    state.adfs = "forged"
    fire_once("forged-saml")
    rate("evict-agency", false, "forged SAML tokens read Export Enforcement mail")
    log("Forged SAML tokens used against FELA")
  end)
end

on("decision", "agency-adfs", function(d)
  if state.adfs == "rotated" or state.adfs == "forged" then return end
  if d.choice == "rotate" then rotate(d.late or state.adfs == "watch")
  elseif not state.adfs then watch_adfs("FELA watches for forged tokens; rotation on Saturday") end
end)

on("timeout", "agency-adfs", function(ev)
  watch_adfs("No AD FS decision by the deadline; the stolen key stays valid")
end)

---------------------------------------------------------------------------------------------
-- PHASE 3: CONTAINMENT & DISCLOSURE (T+24h to T+48h)
---------------------------------------------------------------------------------------------

-- D7: the first press call.
inject "media-query" {
  at = "24h", phase = "containment", to = "comms",
  from = "Financial Times cyber correspondent (phone and email)",
  title = "FT: \"Has Calderbrook been hacked? Are government clients affected?\"",
  body = [[
08:00 BST Wednesday. "Calderbrook has switched off its remote-management platform, and posts on
an MSP forum say you were hacked. A source tells us a UK government department and a US federal
agency were compromised through you, and CISA issued an emergency directive about Kestrel
overnight. Is this ransomware, like Kaseya? Which customers are affected? Did the government
have to tell you? We publish at 09:00."]],
  tlp = "clear",
  choices = { { "agreed",  "Issue a holding statement agreed with NCSC, CISA, DIIS and FELA" },
              { "decline", "Decline to comment" },
              { "detail",  "Give a full technical account on the record, naming customers" } },
  deadline = "1h",
  expect = "Short, accurate line cleared with the government customers and agencies: aware, "
    .. "contained, customers told directly, not ransomware; no names, no technical detail",
  objective = "public-info",
}

inject "social-speculation" {
  phase = "containment", to = "comms",
  from = "Calderbrook media monitoring",
  title = "\"Calderbrook ransomware\" trending; a fake leak post names customers",
  body = [[
The FT ran "IT contractor declines to comment on government hack". A post on X claims a
ransomware gang holds Calderbrook's "full customer database" and lists 30 customer names, most
of them wrong. Three customers that were never affected have called their lawyers. The MSP forum
thread now has 1,400 replies comparing this to Kaseya.]],
  tlp = "clear",
  expect = "Correct the record with agreed facts (espionage, not ransomware; affected customers "
    .. "told directly); coordinate with NCSC and CISA press offices",
  objective = "public-info",
}

inject "customer-anger" {
  phase = "containment", to = { "comms", "msp-sec" },
  from = "Calderbrook CEO's office",
  title = "DIIS and FELA protest at being named",
  body = [[
The FT story quotes our statement naming DIIS and FELA and describing the Graph API technique.
The DIIS Permanent Secretary and FELA's CIO have both written to our CEO: neither agreed to be
named, and their ministers and leadership learned the detail from the paper. DIIS says it is
reviewing the contract.]],
  tlp = "amber",
  expect = "Apologise to the customers; agree all further statements with them, NCSC and CISA",
  objective = "public-info",
}

inject "ed-reports" {
  at = "34h", phase = "containment", to = "us-cisa",
  from = "CISA Emergency Directive 26-02 compliance desk",
  title = "ED 26-02 status: 11 agencies ran Kestrel; one more found the DLL",
  body = [[
13:00 EDT Wednesday. 11 federal civilian agencies report Kestrel RMM agents, eight of them
through contractors. All report disconnection. One more, the Federal Maritime Survey Office,
found the DLL on four servers managed by a different contractor, Larkspur IT Partners of
Columbus, Ohio: the actor has at least one other MSP. Two agencies asked for extensions; CISA
refused both.]],
  tlp = "amber",
  expect = "Send a hunt team to the second agency; engage Larkspur; tell NCSC about the second "
    .. "MSP",
}

inject "fbi-covert-take" {
  phase = "containment", to = { "us-fbi", "us-nsa" },
  from = "FBI Washington Field Office (court-ordered collection)",
  title = "Collection: operator hours, tooling and three more MSPs",
  body = [[
Twenty hours of collection on 198.51.100.140. The operators work 00:30 to 09:30Z on weekdays,
with an hour's break at 04:00Z. Tooling on the VPS matches GLASS HARBOUR's 2024 toolkit: the
same custom SOCKS proxy and the same build-path strings. A configuration file lists the RMM
consoles of three more MSPs, two in the US and one in the UK. NSA says this is the independent
strand it needed to raise its confidence.]],
  tlp = "amber+strict",
  expect = "Notify the three MSPs through CISA and NCSC; feed the findings to the attribution "
    .. "assessment",
}

inject "dept-siro" {
  at = "32h", phase = "containment", to = "dept-sec",
  from = "DIIS Permanent Secretary (SIRO) and Data Protection Officer",
  title = "SIRO: the ICO clock, the Security Minister and an Urgent Question",
  body = [[
16:00 BST Wednesday. The Opposition has applied for an Urgent Question tomorrow on "a cyber
attack on a government department through an IT contractor". The Security Minister wants lines
by 18:00 BST. The DPO needs to know by then whether personal data in the affected mailboxes and
casework files meets the ICO threshold (72 hours from awareness on Tuesday morning). Legal asks
whether to raise Calderbrook's contract breach now or after recovery.]],
  tlp = "amber",
  expect = "Decide on ICO notification with the DPO; give the minister accurate lines that do "
    .. "not attribute ahead of the agreed process; keep NCSC informed",
}

inject "vendor-hotfix" {
  at = "36h", phase = "containment", to = { "msp-sec", "us-cisa", "uk-ncsc" },
  from = "Kestrel Systems PSIRT",
  title = "Kestrel RMM 9.4.7 released, with clean-build guidance",
  body = [[
9.4.7 fixes the SSO callback bypass, requires MFA for API tokens and writes procedure creation to
an append-only log. Kestrel advises building new servers from 9.4.7 rather than patching a
compromised one, rotating every technician credential and API key, and re-issuing agent
certificates.]],
  tlp = "clear",
  expect = "Plan a clean rebuild; do not reconnect federal customers before CISA agrees",
}

-- D8: evidence or speed.
inject "rmm-evidence" {
  at = "37h", phase = "containment", to = "msp-sec",
  from = "Calderbrook COO, with the FBI case agent and NCSC (call)",
  title = "Image the RMM servers first, or rebuild tonight?",
  body = [[
21:00 BST. The FBI and NCSC ask Calderbrook for full forensic images of KRMM-APP-01 and
KRMM-DB-01 (11 TB, including 90 days of API and procedure history), with copies to both, before
anything is rebuilt. Imaging on site takes about 14 hours, so service would return late on
Thursday. The COO wants to rebuild on new hardware tonight from 9.4.7, keeping only the memory
captures and the exported audit logs: "Our customers have been without backups for two days."]],
  tlp = "amber",
  choices = { { "image",   "Image both servers and hand copies to the FBI and NCSC first" },
              { "rebuild", "Rebuild tonight; keep only memory captures and exported logs" } },
  deadline = "1h",
  expect = "Preserve the evidence; give customers interim backup cover; agree the rebuild plan "
    .. "with NCSC and CISA",
  objective = "evidence",
}

inject "image-analysis" {
  phase = "containment", to = { "us-fbi", "uk-ncsc", "us-nsa" },
  from = "FBI CART and NCSC incident response (joint analysis)",
  title = "RMM images: access since 14 April, and an operator slip",
  body = [[
The images show the first bypass session on 14 April, four weeks before the push, from
198.51.100.62. The actor spent those weeks listing customers and testing procedures against a
Calderbrook lab tenant. One test procedure carries a build path
(C:\Users\dev7\source\krmm-h\) that matches a GLASS HARBOUR sample from a 2024 MSP intrusion.
NSA and GCHQ regard this as a strong independent strand.]],
  tlp = "amber+strict",
  expect = "Feed the findings to the attribution assessment; tell other Kestrel operators to "
    .. "look back to April",
  objective = "evidence",
}

inject "evidence-gap" {
  phase = "containment", to = { "us-fbi", "uk-ncsc" },
  from = "FBI Washington Field Office",
  title = "RMM rebuilt: the API history is gone",
  body = [[
Calderbrook rebuilt overnight. The exported audit logs cover only 14 days; older API history
existed only on KRMM-DB-01, which has been wiped for reuse. Nobody can now say when the actor
first got in, or which other customers it tested against. Attribution now rests on the
intelligence strands alone.]],
  tlp = "amber",
  expect = "Record the gap; look for the missing history elsewhere (the customers' own logs, "
    .. "backups)",
  objective = "evidence",
}

inject "hill-briefing" {
  at = "40h", phase = "containment", to = { "us-cisa", "us-fbi" },
  from = "House Homeland Security Committee staff (through CISA Legislative Affairs)",
  title = "Congressional staff ask for a classified briefing on Friday",
  body = [[
19:00 EDT Wednesday. Committee staff want to know how many agencies use contractors that run
Kestrel; whether FELA's export-licence data was taken; why CISA learned of it from the agency's
EDR and not from the contractor; and whether the UK was told promptly. Legislative Affairs needs
the briefers' names and a one-page unclassified summary by noon on Thursday.]],
  tlp = "amber",
  expect = "Agree one US account across FBI and CISA; check it against what was shared with the "
    .. "UK",
}

-- Phase 3 logic ----------------------------------------------------------------------------

-- D7: the press line.
on("decision", "media-query", function(d)
  if state.press == "agreed" or state.press == "detail" then return end
  if d.choice == "agreed" then
    cancel("speculation")
    rate("public-info", not d.late and not state.press,
         state.press and "agreed line issued only after the story ran" or "agreed holding line issued")
    state.press = "agreed"
  elseif d.choice == "detail" then
    cancel("speculation")                  -- the story is now what Calderbrook said
    state.press = "detail"
    rate("public-info", false, "named customers without their agreement")
    later("anger", "1h", function() fire_once("customer-anger") end)
    if state.fbi == "covert" then
      state.covert_burned = true
      log("The press detail reaches the actor; the operators abandon 198.51.100.140")
    end
  elseif not state.press then
    state.press = "declined"
    rate("public-info", false, "declined to comment; rumour filled the gap")
    later("speculation", "3h", function() fire_once("social-speculation") end)
  end
end)

on("timeout", "media-query", function(ev)
  state.press = "silent"
  rate("public-info", false, "no answer before the FT published")
  later("speculation", "3h", function() fire_once("social-speculation") end)
end)

-- The FBI's court-ordered collection reports at 09:00 EDT Wednesday, if it was sought.
at("30h", function()
  if state.fbi ~= "covert" then return end
  if state.covert_burned then
    fire_once("fbi-covert-take", { title = "Collection cut short: the operators wiped the VPS",
      body = [[
Forty minutes after the press story named the Graph technique, the operators wiped
198.51.100.140 and stopped using it. The warrant yielded half an hour of traffic and a partial
image: not enough to add to the attribution case. A surviving configuration file names the RMM
consoles of three more MSPs, which CISA and NCSC are notifying.]] })
  else
    fire_once("fbi-covert-take")
  end
end)

-- D8: image first, or rebuild.
on("decision", "rmm-evidence", function(d)
  if state.evidence == "image" or state.evidence == "rebuild" then return end
  if d.choice == "image" then
    cancel("gap")
    rate("evidence", not d.late, d.late and "imaged, but only after the deadline"
         or "both servers imaged before rebuild")
    state.evidence = "image"
    later("analysis", "12h", function() fire_once("image-analysis") end)
  elseif not state.evidence then
    state.evidence = "rebuild"
    rate("evidence", false, "rebuilt without imaging")
    later("gap", "2h", function() fire_once("evidence-gap") end)
  end
end)

on("timeout", "rmm-evidence", function(ev)
  state.evidence = "none"
  rate("evidence", false, "no decision: the COO starts the rebuild")
  later("gap", "3h", function() fire_once("evidence-gap") end)
end)

---------------------------------------------------------------------------------------------
-- PHASE 4: RECOVERY & ATTRIBUTION (T+48h to T+72h)
---------------------------------------------------------------------------------------------

inject "msp-recovery" {
  at = "48h", phase = "recovery", to = "msp-sec",
  from = "Calderbrook CISO's office",
  title = "Recovery plan: 140 customers back on RMM in waves",
  body = [[
Plan for board approval:
- new Kestrel 9.4.7 servers in a separate management tenant; API access only from privileged
  access workstations; phishing-resistant MFA for every technician;
- separate credentials for each customer, never shared across customers (the Cloud Hopper
  lesson);
- customers rejoin in waves of 20 after a clean hunt; government customers last, and only with
  NCSC's or CISA's agreement;
- every customer sees, and can veto, the procedures that run in its estate.
About ten days in all. DIIS and FELA are reviewing whether to stay with Calderbrook.]],
  tlp = "amber",
  expect = "Approve a phased, verified recovery; share the plan with NCSC and CISA; keep "
    .. "evidence for the investigators",
}

inject "agency-recovery" {
  at = "52h", phase = "recovery", to = "agency-soc",
  from = "FELA Chief Information Officer",
  title = "FELA recovery: rebuild AD FS or move to cloud authentication?",
  body = [[
08:00 EDT Thursday. CISA's hunt team closes out on Friday. Open decisions: rebuild AD FS on clean
hardware, or move to cloud-native authentication and remove the token-signing key as a target;
reset every privileged account; end contractor accounts' standing admin rights; and the FISMA
major-incident report to Congress, due within seven days of the determination.]],
  tlp = "amber",
  expect = "Choose an authentication path with CISA; close out contractor privileges; meet the "
    .. "FISMA reporting clock",
}

-- D9: the joint public position. Fired at T+54h with the assessment the evidence allows.
inject "joint-position" {
  phase = "recovery", to = { "uk-ncsc", "us-cisa", "us-nsa" },
  from = "FCDO Cyber Policy Department and NSC Cyber Directorate (joint note)",
  title = "Joint public position: attribute, advise, or hold?",
  body = [[
(At delivery, Control opens with GCHQ and NSA's confidence: "realistic possibility", "likely" or
"highly likely", depending on whether the RMM images and the FBI's collection survived.)
Ministers and the NSC want a joint UK–US position before Friday's Urgent Question and before
Kestrel's other customers hear it from the press. Options:
(a) joint UK–US attribution naming GLASS HARBOUR and its sponsor, with a Five Eyes technical
    advisory;
(b) a joint technical advisory for MSPs and their customers now, attribution later;
(c) hold everything until all victims have evicted.
Allies need 24 hours' notice to co-seal. The deputies' call is at 15:00Z; we need the technical
leads' recommendation before then.]],
  tlp = "red",
  choices = { { "attribute", "Attribute jointly now, with a Five Eyes advisory" },
              { "advisory",  "Publish a joint technical advisory; attribute later" },
              { "hold",      "Hold all public statements until eviction is complete" } },
  deadline = "1h",
  expect = "Recommend a position the evidence supports, weighing warning to other MSPs against "
    .. "tipping off the actor; agree wording and confidence with the partner",
  objective = "joint-position",
}

inject "joint-advisory" {
  phase = "recovery", to = ALL,
  from = "NCSC, CISA, FBI and NSA (joint publication)",
  title = "Joint advisory AA26-134A: GLASS HARBOUR targets managed service providers",
  body = [[
The UK and US, with Five Eyes partners, judge it highly likely that GLASS HARBOUR, which acts for
a hostile state's foreign intelligence service, exploited an authentication bypass in
on-premises Kestrel RMM to reach government and defence customers of managed service providers.
The advisory gives indicators, detection guidance (side-loaded version.dll under the Kestrel
agent cache, look-alike update domains, Graph application consent, SAML tokens with no AD FS
issuance event) and advice for MSP customers: separate credentials per customer, approval of
remote procedures, and phishing-resistant MFA for technicians.]],
  tlp = "clear",
  expect = "Push the advisory to sectors and customers; keep UK and US lines consistent",
  objective = "joint-position",
}

-- Contingency: holding too long means someone else tells the story.
inject "story-leaks" {
  contingency = true, phase = "recovery", to = { "comms", "uk-ncsc", "us-cisa" },
  from = "Bloomberg (published story)",
  title = "\"Spies used IT contractor to read UK and US export officials' mail\"",
  body = [[
The story quotes two unnamed US officials, names Calderbrook, DIIS and FELA, and blames a
hostile state's intelligence service. No allied agreement came first. Other Kestrel customers
are asking why they learned from the press, and Calderbrook's customers are calling.]],
  tlp = "clear",
  expect = "Agree coordinated lines at once; bring the joint advisory forward; brief the allies "
    .. "who were not consulted",
  objective = "joint-position",
}

inject "endex" {
  at = "71h", phase = "recovery", to = ALL,
  from = "Exercise Control",
  title = "ENDEX approaching",
  body = [[
Play stops at T+71:45. Close your open actions, send a final situation report to your lead
(NCSC, GC3 or the Cyber UCG), and note one thing that worked and one that did not, for the hot
wash.]],
  tlp = "clear",
  expect = "Close out actions; final sitrep",
}

-- Phase 4 logic ----------------------------------------------------------------------------

-- How strong the case is: one strand each for the RMM images and the FBI's collection.
local function confidence()
  local c = 0
  if state.evidence == "image" then c = c + 1 end
  if state.fbi == "covert" and not state.covert_burned then c = c + 1 end
  return c
end

local ASSESSMENT = {
  [0] = "GCHQ and NSA can say only that GLASS HARBOUR is a \"realistic possibility\": the RMM "
    .. "history was not preserved and there is no collection on the second stage. Attribution "
    .. "would rest on an infrastructure overlap alone.",
  [1] = "GCHQ and NSA assess it \"likely\" that GLASS HARBOUR is responsible, on one strand "
    .. "beyond the infrastructure overlap. \"Highly likely\" would need a second.",
  [2] = "GCHQ and NSA now assess it \"highly likely\" that GLASS HARBOUR is responsible, on two "
    .. "independent strands: the RMM server images and the FBI's collection.",
}

at("54h", function()
  state.confidence = confidence()
  fire_once("joint-position", { body = [[
14:00 BST / 09:00 EDT Thursday. ]] .. ASSESSMENT[state.confidence] .. [[

Ministers and the NSC want a joint UK–US position before Friday's Urgent Question and before
Kestrel's other customers hear it from the press. Options:
(a) joint UK–US attribution naming GLASS HARBOUR and its sponsor, with a Five Eyes technical
    advisory;
(b) a joint technical advisory for MSPs and their customers now, attribution later;
(c) hold everything until all victims have evicted.
Allies need 24 hours' notice to co-seal. The deputies' call is at 15:00Z; we need the technical
leads' recommendation before then.]] })
end)

local ADVISORY_ONLY = [[
NCSC, CISA, the FBI and NSA, with Five Eyes partners, warn that an authentication bypass in
on-premises Kestrel RMM has been exploited to reach government and defence customers of managed
service providers. Attribution will follow. The advisory gives indicators, detection guidance
(side-loaded version.dll under the Kestrel agent cache, look-alike update domains, Graph
application consent, SAML tokens with no AD FS issuance event) and advice for MSP customers:
separate credentials per customer, approval of remote procedures, and phishing-resistant MFA
for technicians.]]

local function publish(choice, late)
  state.position = choice
  cancel("leak")
  if choice == "attribute" then
    local c = state.confidence or 0
    if c == 0 then
      log("UK and US attribute publicly on an infrastructure overlap alone")
      rate("joint-position", false, "attributed ahead of the evidence")
    else
      log("UK and US agree joint attribution")
      rate("joint-position", not late, c == 2 and "joint attribution at \"highly likely\""
           or "joint attribution at \"likely\"")
    end
    -- The published wording follows the assessment: "highly likely" (the declared text),
    -- "likely", or a bare attribution with no stated confidence.
    local o = nil
    if c < 2 then
      local claim = c == 1 and "The UK and US assess it likely that GLASS HARBOUR, which acts for"
        or "The UK and US attribute this activity to GLASS HARBOUR, which acts for"
      o = { body = (ADVISORY_ONLY:gsub("Attribution will follow%.",
        claim .. " a hostile\nstate's foreign intelligence service.")) }
    end
    later("publish", "2h", function() fire_once("joint-advisory", o) end)
  else
    log("UK and US agree a joint technical advisory without attribution")
    rate("joint-position", not late, "joint technical advisory; attribution deferred by agreement")
    later("publish", "2h", function()
      fire_once("joint-advisory", { title = "Joint advisory AA26-134A: exploitation of "
        .. "on-premises Kestrel RMM at managed service providers", body = ADVISORY_ONLY })
    end)
  end
end

local function hold_position(note)
  state.position = "hold"
  rate("joint-position", false, note)
  later("leak", "6h", function()
    fire_once("story-leaks")
    log("The story leaks before the UK and US agree a position")
  end)
end

on("decision", "joint-position", function(d)
  if state.position and state.position ~= "hold" then return end
  if d.choice == "hold" then
    if not state.position then hold_position("held all public statements; the story leaked") end
  else
    publish(d.choice, d.late or state.position == "hold")
  end
end)

on("timeout", "joint-position", function(ev)
  hold_position("no joint position within the deadline")
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
    "DIIS %s; NCSC heard via %s; RMM %s%s; notice %s; FBI %s; sharing %s; DIIS mail loss %s; "
      .. "AD FS %s; press %s; evidence %s; position %s (confidence %d). Objectives met: %d of %d.",
    state.dept_choice or "?", state.ncsc_via or "?", state.rmm or "?",
    state.actor_alerted and " (actor alerted)" or "", state.notice or "?",
    state.fbi or "?", state.share or "?", state.mail_loss or "?", state.adfs or "?",
    state.press or "?", state.evidence or "?", state.position or "?", state.confidence or 0,
    n, #OBJECTIVES)
  log(path)
  finish("Operation Glass Harbour complete. " .. path)
end)

---------------------------------------------------------------------------------------------
-- Hot wash
---------------------------------------------------------------------------------------------

hotwash {
  "When DIIS saw its supplier's tool misbehave, whom did it call first, and what should its contract and playbook say?",
  "Did Calderbrook weigh shutting down its RMM platform against its customers' patching and backups in the right way, and who should own that call?",
  "How quickly did every affected customer hear from Calderbrook, and what did legal review add or cost?",
  "Which TLP labels did you use between CISA, NCSC and the victims, and did any label (or the FBI's operation) stop information reaching someone who needed it?",
  "Was the trade-off between covert collection and disruption of the actor's infrastructure made jointly, and were the victims' interests represented?",
  "Did FELA treat the stolen token-signing key as an emergency? What would make that decision easier next time?",
  "Were public statements, ministerial lines and attribution kept in step across the supplier, the two governments and the customers?",
  "What one improvement will your organisation make in the next 90 days?",
}
