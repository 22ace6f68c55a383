/*
 * ui/view: the console's model as plain data.  Messages as the server
 * sends them go in; the inbox, unread counts, deadline states, the
 * staff timeline and the requests keys make come out.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "view.h"

static const char welcome_player[] =
	"{\"type\":\"welcome\",\"re\":null,\"version\":1,"
	"\"you\":{\"kind\":\"player\",\"role\":\"grid-soc\",\"name\":\"Olu\"},"
	"\"exercise\":{\"id\":\"t\",\"title\":\"Test\",\"start\":1773475200,"
	"\"roles\":[{\"id\":\"grid-soc\",\"org\":\"grid\",\"public\":false},"
	"{\"id\":\"uk-ncsc\",\"org\":\"ncsc\",\"public\":false},"
	"{\"id\":\"press\",\"public\":true}],"
	"\"orgs\":[{\"id\":\"grid\",\"name\":\"Grid\",\"team\":\"uk\"},"
	"{\"id\":\"ncsc\",\"name\":\"NCSC\",\"team\":\"uk\"}]},"
	"\"clock\":{\"type\":\"clock\",\"t\":0,\"state\":\"running\","
	"\"speed\":60},"
	"\"backlog\":[{\"seq\":2,\"t\":0,\"type\":\"start\"},"
	"{\"seq\":3,\"t\":600000,\"type\":\"inject\",\"inject\":\"vpn\","
	"\"delivery\":0,\"to\":[\"grid-soc\"],\"from\":\"SOC\","
	"\"title\":\"Odd VPN logins\",\"body\":\"Logins from abroad.\","
	"\"tlp\":\"amber\",\"due\":3300000,\"choices\":[{\"id\":\"escalate\","
	"\"label\":\"Report to NCSC\"},{\"id\":\"watch\",\"label\":\"Watch\"}]}"
	"]}";

static cJSON *
json(const char *s)
{
	cJSON	*j = cJSON_Parse(s);

	ck_assert_ptr_nonnull(j);
	return j;
}

static void
apply(struct view *v, const char *s, int64_t wall)
{
	cJSON	*j = json(s);

	view_apply(v, j, wall);
	cJSON_Delete(j);
}

/* Press a key; return the request it made as text (or ""). */
static char *
press(struct view *v, int key)
{
	static char	 buf[1024];
	cJSON		*req;
	char		*s;

	view_key(v, key, 0, &req);
	buf[0] = '\0';
	if (req != NULL) {
		s = cJSON_PrintUnformatted(req);
		snprintf(buf, sizeof buf, "%s", s);
		cJSON_free(s);
		cJSON_Delete(req);
	}
	return buf;
}

static void
type_text(struct view *v, const char *s)
{
	while (*s)
		press(v, (unsigned char)*s++);
}

START_TEST(inbox_from_welcome)
{
	struct view	v;
	char		clk[64];

	view_init(&v);
	apply(&v, welcome_player, 1000);
	ck_assert_int_eq(v.kind, VK_PLAYER);
	ck_assert_str_eq(v.role, "grid-soc");
	ck_assert_uint_eq(v.nitems, 1);
	ck_assert_str_eq(v.items[0].title, "Odd VPN logins");
	ck_assert_str_eq(v.items[0].tlp, "amber");
	ck_assert_uint_eq(v.items[0].nchoices, 2);
	ck_assert_uint_eq(view_unread(&v), 1);
	/* players get no timeline */
	ck_assert_uint_eq(v.nlines, 0);
	/* the clock counts on at the speed: 10 s of wall at x60 */
	ck_assert_int_eq(view_now(&v, 11000), 600000);
	view_clock_text(&v, 600000, clk, sizeof clk);
	ck_assert_str_eq(clk, "T+00:10:00  Sat 14 Mar 08:10Z");
	view_free(&v);
}
END_TEST

START_TEST(reconnect_adds_nothing_twice)
{
	struct view	v;

	view_init(&v);
	apply(&v, welcome_player, 0);
	press(&v, VIEW_KEY_DOWN);	/* reading it marks it read */
	ck_assert_uint_eq(view_unread(&v), 0);
	apply(&v, welcome_player, 0);	/* the same backlog again */
	ck_assert_uint_eq(v.nitems, 1);
	ck_assert_uint_eq(view_unread(&v), 0);
	view_free(&v);
}
END_TEST

START_TEST(deadline_states)
{
	struct view	v;
	struct vitem	*it;

	view_init(&v);
	apply(&v, welcome_player, 0);
	it = &v.items[0];
	ck_assert_int_eq(view_deadline(it, 600000), VD_OPEN);
	ck_assert_int_eq(view_deadline(it, 3300000 - VIEW_URGENT_MS),
	    VD_URGENT);
	ck_assert_int_eq(view_deadline(it, 3300000), VD_OVERDUE);
	/* overdue for the role it went to, not for the others */
	ck_assert_uint_eq(view_overdue(&v, "grid-soc", 3300000), 1);
	ck_assert_uint_eq(view_overdue(&v, "grid", 3300000), 0);
	ck_assert_uint_eq(view_overdue(&v, "grid-soc", 3299999), 0);
	apply(&v, "{\"seq\":4,\"t\":700000,\"type\":\"decision\","
	    "\"inject\":\"vpn\",\"delivery\":0,\"role\":\"grid-soc\","
	    "\"player\":\"Olu\",\"choice\":\"escalate\",\"late\":false}", 0);
	ck_assert_int_eq(view_deadline(&v.items[0], 3300000), VD_DONE);
	ck_assert_uint_eq(view_overdue(&v, "grid-soc", 3300000), 0);
	ck_assert_str_eq(v.items[0].decided, "escalate");
	ck_assert_int_eq(v.items[0].acked, 1);
	view_free(&v);
}
END_TEST

START_TEST(ack_and_decide_keys)
{
	struct view	v;

	view_init(&v);
	apply(&v, welcome_player, 0);
	ck_assert_str_eq(press(&v, 'a'),
	    "{\"type\":\"ack\",\"id\":1,\"delivery\":0}");
	ck_assert_str_eq(press(&v, 'd'), "");
	ck_assert_int_eq(v.prompt.kind, VP_PICK);
	ck_assert_uint_eq(v.prompt.nopts, 2);
	ck_assert_str_eq(press(&v, '2'), "{\"type\":\"decide\",\"id\":2,"
	    "\"delivery\":0,\"choice\":\"watch\"}");
	ck_assert_int_eq(v.prompt.kind, VP_NONE);
	ck_assert_str_eq(v.status, "Sending...");
	apply(&v, "{\"type\":\"ok\",\"re\":2}", 0);
	ck_assert_str_eq(v.status, "Done.");
	view_free(&v);
}
END_TEST

START_TEST(share_picks_roles_and_label)
{
	struct view	v;

	view_init(&v);
	apply(&v, welcome_player, 0);
	press(&v, 's');
	ck_assert_int_eq(v.prompt.kind, VP_MULTI);
	/* the others: uk-ncsc, press (not oneself) */
	ck_assert_uint_eq(v.prompt.nopts, 2);
	ck_assert_str_eq(v.prompt.keys[0], "uk-ncsc");
	press(&v, ' ');
	press(&v, VIEW_KEY_ENTER);
	ck_assert_int_eq(v.prompt.kind, VP_PICK);
	ck_assert_str_eq(v.prompt.opts[2], "TLP:AMBER");
	ck_assert_uint_eq(v.prompt.sel, 2);	/* AMBER by default */
	ck_assert_str_eq(press(&v, VIEW_KEY_DOWN), "");
	ck_assert_str_eq(press(&v, VIEW_KEY_DOWN), "");
	/* an inject forwarded names its delivery */
	ck_assert_str_eq(press(&v, VIEW_KEY_ENTER), "{\"type\":\"share\","
	    "\"id\":1,\"to\":[\"uk-ncsc\"],\"tlp\":\"red\","
	    "\"title\":\"Odd VPN logins\",\"text\":\"Logins from abroad.\","
	    "\"delivery\":0}");
	/* the server's refusal is what the player reads */
	apply(&v, "{\"type\":\"error\",\"re\":1,\"code\":\"tlp-refused\","
	    "\"message\":\"TLP:RED goes to named recipients only\"}", 0);
	ck_assert_str_eq(v.status,
	    "Refused: TLP:RED goes to named recipients only");
	view_free(&v);
}
END_TEST

/* The server holds a forward to the label of what it forwards: sharing an
 * inject names the delivery it came in, and a chat names nothing. */
START_TEST(share_names_the_delivery)
{
	struct view	v;

	view_init(&v);
	apply(&v, welcome_player, 0);
	apply(&v, "{\"seq\":5,\"t\":700000,\"type\":\"inject\","
	    "\"inject\":\"vpn2\",\"delivery\":4,\"to\":[\"grid-soc\"],"
	    "\"from\":\"SOC\",\"title\":\"More logins\",\"body\":\"b\","
	    "\"tlp\":\"amber\",\"due\":null,\"choices\":[]}", 0);
	apply(&v, "{\"seq\":6,\"t\":800000,\"type\":\"chat\","
	    "\"role\":\"uk-ncsc\",\"to\":{\"role\":\"grid-soc\"},"
	    "\"text\":\"Call me\"}", 0);
	ck_assert_uint_eq(v.nitems, 3);
	press(&v, VIEW_KEY_DOWN);
	press(&v, 's');
	press(&v, VIEW_KEY_ENTER);
	ck_assert_str_eq(press(&v, VIEW_KEY_ENTER), "{\"type\":\"share\","
	    "\"id\":1,\"to\":[\"uk-ncsc\"],\"tlp\":\"amber\","
	    "\"title\":\"More logins\",\"text\":\"b\",\"delivery\":4}");
	press(&v, VIEW_KEY_DOWN);
	press(&v, 's');
	press(&v, VIEW_KEY_ENTER);
	ck_assert_str_eq(press(&v, VIEW_KEY_ENTER), "{\"type\":\"share\","
	    "\"id\":2,\"to\":[\"uk-ncsc\"],\"tlp\":\"amber\","
	    "\"title\":\"Chat\",\"text\":\"Call me\"}");
	view_free(&v);
}
END_TEST

START_TEST(note_editor)
{
	struct view	v;

	view_init(&v);
	apply(&v, welcome_player, 0);
	press(&v, 'n');
	ck_assert_int_eq(v.prompt.kind, VP_TEXT);
	type_text(&v, "VPN off");
	press(&v, VIEW_KEY_ENTER);		/* a new line, not send */
	type_text(&v, "Caf\xc3\xa9x");
	press(&v, VIEW_KEY_BS);
	press(&v, VIEW_KEY_BS);		/* a whole two-byte character */
	ck_assert_str_eq(v.prompt.text, "VPN off\nCaf");
	/* the cursor moves by characters and lines; text goes in where it
	 * is, and backspace and delete take whole characters */
	press(&v, VIEW_KEY_HOME);		/* of the second line */
	type_text(&v, "\xc3\xa9 ");
	ck_assert_str_eq(v.prompt.text, "VPN off\n\xc3\xa9 Caf");
	press(&v, VIEW_KEY_LEFT);
	press(&v, VIEW_KEY_LEFT);		/* before the é, two bytes */
	press(&v, VIEW_KEY_DEL);
	ck_assert_str_eq(v.prompt.text, "VPN off\n Caf");
	press(&v, VIEW_KEY_LEFT);		/* back over the newline */
	press(&v, VIEW_KEY_BS);
	ck_assert_str_eq(v.prompt.text, "VPN of\n Caf");
	press(&v, 'f');
	press(&v, VIEW_KEY_RIGHT);
	press(&v, VIEW_KEY_DEL);		/* the space */
	press(&v, VIEW_KEY_END);
	ck_assert_uint_eq(v.prompt.cur, v.prompt.len);
	ck_assert_str_eq(v.prompt.text, "VPN off\nCaf");
	ck_assert_str_eq(press(&v, VIEW_KEY_SEND), "{\"type\":\"note\","
	    "\"id\":1,\"text\":\"VPN off\\nCaf\",\"delivery\":0}");
	/* esc cancels, and an empty text is not sent */
	press(&v, 'n');
	ck_assert_str_eq(press(&v, VIEW_KEY_SEND), "");
	ck_assert_str_eq(v.status, "Nothing to send.");
	press(&v, VIEW_KEY_ESC);
	ck_assert_int_eq(v.prompt.kind, VP_NONE);
	view_free(&v);
}
END_TEST

START_TEST(messages_and_own_sends)
{
	struct view	v;

	view_init(&v);
	apply(&v, welcome_player, 0);
	/* a share to me, my own share (not news), a refused one */
	apply(&v, "{\"seq\":5,\"t\":1,\"type\":\"share\",\"share\":0,"
	    "\"role\":\"uk-ncsc\",\"to\":[\"grid-soc\"],\"tlp\":\"green\","
	    "\"title\":\"IOCs\",\"text\":\"x\",\"refused\":false}", 0);
	apply(&v, "{\"seq\":6,\"t\":2,\"type\":\"share\",\"share\":1,"
	    "\"role\":\"grid-soc\",\"to\":[\"uk-ncsc\"],\"tlp\":\"green\","
	    "\"title\":\"Mine\",\"text\":\"x\",\"refused\":false}", 0);
	apply(&v, "{\"seq\":7,\"t\":3,\"type\":\"chat\",\"role\":\"uk-ncsc\","
	    "\"to\":{\"role\":\"grid-soc\"},\"text\":\"Call me\"}", 0);
	ck_assert_uint_eq(v.nitems, 3);
	ck_assert_str_eq(v.items[1].title, "IOCs");
	ck_assert_int_eq(v.items[1].share, 0);
	ck_assert_str_eq(v.items[2].body, "Call me");
	ck_assert_uint_eq(view_unread(&v), 3);
	/* forwarding a share names it */
	press(&v, VIEW_KEY_DOWN);
	press(&v, 's');
	press(&v, VIEW_KEY_ENTER);
	ck_assert_str_eq(press(&v, VIEW_KEY_ENTER), "{\"type\":\"share\","
	    "\"id\":1,\"to\":[\"uk-ncsc\"],\"tlp\":\"amber\",\"title\":\"IOCs\","
	    "\"text\":\"x\",\"ref\":0}");
	view_free(&v);
}
END_TEST

START_TEST(control_timeline_and_keys)
{
	struct view	v;

	view_init(&v);
	apply(&v, "{\"type\":\"welcome\",\"you\":{\"kind\":\"control\","
	    "\"name\":\"Fay\"},\"exercise\":{\"title\":\"T\",\"roles\":["
	    "{\"id\":\"a\"}],\"injects\":[{\"id\":\"held1\",\"title\":\"H\","
	    "\"held\":true,\"contingency\":true,\"fired\":0,\"notes\":"
	    "\"Fire at T+8h\"},{\"id\":\"timed\","
	    "\"title\":\"X\",\"held\":false}],\"objectives\":[{\"id\":\"o1\","
	    "\"text\":\"Share\"}]},\"clock\":{\"type\":\"clock\",\"t\":0,"
	    "\"state\":\"waiting\",\"speed\":1},\"backlog\":[]}", 0);
	ck_assert_int_eq(v.kind, VK_CONTROL);
	ck_assert_str_eq(press(&v, ' '), "{\"type\":\"start\",\"id\":1}");
	apply(&v, "{\"type\":\"clock\",\"t\":0,\"state\":\"running\","
	    "\"speed\":1}", 0);
	ck_assert_str_eq(press(&v, ' '), "{\"type\":\"pause\",\"id\":2}");
	ck_assert_str_eq(press(&v, '+'),
	    "{\"type\":\"speed\",\"id\":3,\"x\":2}");
	ck_assert_str_eq(press(&v, 'n'), "{\"type\":\"jump\",\"id\":4}");
	/* only held injects can be fired */
	press(&v, 'f');
	ck_assert_uint_eq(v.prompt.nopts, 1);
	/* the controllers' notes on the status line */
	ck_assert_str_eq(v.status, "Notes: Fire at T+8h");
	ck_assert_str_eq(press(&v, VIEW_KEY_ENTER),
	    "{\"type\":\"fire\",\"id\":5,\"inject\":\"held1\"}");
	/* an observation on an objective, then a rating */
	press(&v, 'o');
	press(&v, VIEW_KEY_DOWN);
	press(&v, VIEW_KEY_ENTER);
	type_text(&v, "Slow to call");
	ck_assert_str_eq(press(&v, VIEW_KEY_SEND), "{\"type\":\"observe\","
	    "\"id\":6,\"text\":\"Slow to call\",\"objective\":\"o1\"}");
	press(&v, 'r');
	press(&v, VIEW_KEY_ENTER);
	ck_assert_str_eq(press(&v, '3'), "{\"type\":\"rate\",\"id\":7,"
	    "\"objective\":\"o1\",\"rating\":\"M\"}");
	/* end asks first */
	ck_assert_str_eq(press(&v, 'e'), "");
	ck_assert_str_eq(press(&v, 'n'), "");
	ck_assert_int_eq(v.prompt.kind, VP_NONE);
	press(&v, 'e');
	ck_assert_str_eq(press(&v, 'y'), "{\"type\":\"end\",\"id\":8}");
	/* records become timeline lines */
	apply(&v, "{\"seq\":9,\"t\":60000,\"type\":\"error\","
	    "\"text\":\"t.lua:12: attempt to index a nil value\"}", 0);
	apply(&v, "{\"seq\":10,\"t\":60000,\"type\":\"end\",\"reason\":"
	    "\"finish\",\"report\":\"runs/t-report.md\"}", 0);
	ck_assert_uint_eq(v.nlines, 2);
	ck_assert_str_eq(v.lines[0].text,
	    "SCENARIO ERROR t.lua:12: attempt to index a nil value");
	ck_assert_int_eq(v.ended, 1);
	ck_assert_str_eq(v.report, "runs/t-report.md");
	/* nothing more is sent once it has ended */
	ck_assert_str_eq(press(&v, ' '), "");
	view_free(&v);
}
END_TEST

START_TEST(roster_for_staff)
{
	struct view	v;

	view_init(&v);
	apply(&v, "{\"type\":\"welcome\",\"you\":{\"kind\":\"observer\"},"
	    "\"exercise\":{\"roles\":[{\"id\":\"a\"},{\"id\":\"b\"}]},"
	    "\"backlog\":[]}", 0);
	apply(&v, "{\"type\":\"roster\",\"roles\":[{\"role\":\"b\","
	    "\"players\":[\"Ana\",\"Bo\"],\"connected\":2}],\"control\":1,"
	    "\"observers\":1}", 0);
	ck_assert_int_eq(v.roles[0].connected, 0);
	ck_assert_int_eq(v.roles[1].connected, 2);
	ck_assert_str_eq(v.roles[1].players, "Ana, Bo");
	ck_assert_int_eq(v.control_n, 1);
	/* observers cannot steer the clock */
	ck_assert_str_eq(press(&v, ' '), "");
	view_free(&v);
}
END_TEST

START_TEST(hotwash_after_the_end)
{
	struct view	v;

	view_init(&v);
	apply(&v, welcome_player, 0);
	apply(&v, "{\"seq\":9,\"t\":1,\"type\":\"end\",\"reason\":"
	    "\"finish\",\"hotwash\":[\"What went well?\",\"What next?\","
	    "\"Who decides?\"]}", 0);
	ck_assert_int_eq(v.prompt.kind, VP_TEXT);
	ck_assert_str_eq(v.prompt.title, "Hot wash 1/3: What went well? "
	    "(ctrl-d sends, esc skips)");
	type_text(&v, "Fast call");
	ck_assert_str_eq(press(&v, VIEW_KEY_SEND), "{\"type\":\"hotwash\","
	    "\"id\":1,\"question\":0,\"text\":\"Fast call\"}");
	ck_assert_str_eq(v.prompt.title, "Hot wash 2/3: What next? "
	    "(ctrl-d sends, esc skips)");
	/* a question passed over is said to the server, which waits for
	 * every player's answer or pass before it writes the report */
	ck_assert_str_eq(press(&v, VIEW_KEY_ESC), "{\"type\":\"hotwash\","
	    "\"id\":2,\"question\":1}");
	ck_assert_str_eq(v.status, "Skipped.");
	type_text(&v, "Ops");
	ck_assert_str_eq(press(&v, VIEW_KEY_SEND), "{\"type\":\"hotwash\","
	    "\"id\":3,\"question\":2,\"text\":\"Ops\"}");
	ck_assert_int_eq(v.prompt.kind, VP_NONE);
	ck_assert_int_eq(press(&v, 'q')[0], '\0');
	view_free(&v);
}
END_TEST

/* What each role has not acknowledged, for the facilitator's roster;
 * the timeline scrolls without touching the inbox; phases for "Next". */
START_TEST(staff_waiting_and_scroll)
{
	struct view	v;
	int		i;
	char		rec[256];

	view_init(&v);
	apply(&v, "{\"type\":\"welcome\",\"you\":{\"kind\":\"control\"},"
	    "\"exercise\":{\"roles\":[{\"id\":\"a\"},{\"id\":\"ab\"}],"
	    "\"phases\":[{\"id\":\"detect\",\"at\":0},{\"id\":\"respond\","
	    "\"at\":3600000}]},\"backlog\":[]}", 0);
	ck_assert_uint_eq(v.nphases, 2);
	ck_assert_str_eq(v.phases[1].id, "respond");
	ck_assert_int_eq(v.phases[1].at, 3600000);
	apply(&v, "{\"seq\":1,\"t\":0,\"type\":\"inject\",\"inject\":"
	    "\"i\",\"delivery\":0,\"to\":[\"a\",\"ab\"],\"title\":\"I\"}", 0);
	ck_assert_uint_eq(view_waiting(&v, "a"), 1);
	ck_assert_uint_eq(view_waiting(&v, "ab"), 1);
	/* "a" is not taken for "ab" */
	apply(&v, "{\"seq\":2,\"t\":0,\"type\":\"ack\",\"delivery\":0,"
	    "\"role\":\"ab\"}", 0);
	ck_assert_uint_eq(view_waiting(&v, "a"), 1);
	ck_assert_uint_eq(view_waiting(&v, "ab"), 0);
	for (i = 3; i < 40; i++) {
		snprintf(rec, sizeof rec, "{\"seq\":%d,\"t\":%d,\"type\":"
		    "\"log\",\"text\":\"line %d\"}", i, i * 1000, i);
		apply(&v, rec, 0);
	}
	v.page = 10;
	ck_assert_int_eq(v.items[0].unread, 1);
	press(&v, VIEW_KEY_UP);
	ck_assert_uint_eq(v.tl_back, 1);
	press(&v, VIEW_KEY_PGUP);
	ck_assert_uint_eq(v.tl_back, 11);
	/* a new entry while scrolled back: the same entries stay shown */
	apply(&v, "{\"seq\":40,\"t\":40000,\"type\":\"log\",\"text\":"
	    "\"new\"}", 0);
	ck_assert_uint_eq(v.tl_back, 12);
	press(&v, VIEW_KEY_DOWN);
	ck_assert_uint_eq(v.tl_back, 11);
	press(&v, VIEW_KEY_END);
	ck_assert_uint_eq(v.tl_back, 0);
	/* moving through the timeline read nothing in the inbox */
	ck_assert_int_eq(v.items[0].unread, 1);
	view_free(&v);
}
END_TEST

/* A player scrolls the item being read; another item starts at its top;
 * acting on an item marks it read. */
START_TEST(reading_scrolls)
{
	struct view	v;

	view_init(&v);
	apply(&v, welcome_player, 0);
	apply(&v, "{\"seq\":4,\"t\":700000,\"type\":\"chat\",\"role\":"
	    "\"uk-ncsc\",\"text\":\"hi\"}", 0);
	v.page = 12;
	ck_assert_int_eq(v.items[0].unread, 1);
	press(&v, VIEW_KEY_PGDN);
	ck_assert_int_eq(v.scroll, 12);
	press(&v, ' ');
	ck_assert_int_eq(v.scroll, 24);
	press(&v, 'b');
	ck_assert_int_eq(v.scroll, 12);
	press(&v, VIEW_KEY_DOWN);
	ck_assert_int_eq(v.scroll, 0);
	press(&v, VIEW_KEY_UP);
	ck_assert_int_eq(v.items[0].unread, 0);
	v.items[0].unread = 1;
	press(&v, 'a');
	ck_assert_int_eq(v.items[0].unread, 0);
	view_free(&v);
}
END_TEST

/* A hot-wash question is a sentence or two: all of it is asked. */
START_TEST(hotwash_long_question)
{
	struct view	v;
	char		msg[1024], q[301];

	memset(q, 'x', 300);
	q[300] = '\0';
	q[0] = 'Q';
	view_init(&v);
	apply(&v, welcome_player, 0);
	snprintf(msg, sizeof msg, "{\"seq\":9,\"t\":1,\"type\":\"end\","
	    "\"hotwash\":[\"%s\"]}", q);
	apply(&v, msg, 0);
	ck_assert_ptr_nonnull(strstr(v.prompt.title, q));
	ck_assert_ptr_nonnull(strstr(v.prompt.title, "(ctrl-d sends, esc "
	    "skips)"));
	/* sent with nothing typed: passed over, as esc */
	ck_assert_str_eq(press(&v, VIEW_KEY_SEND), "{\"type\":\"hotwash\","
	    "\"id\":1,\"question\":0}");
	view_free(&v);
}
END_TEST

/* A late joiner's clock is the welcome's, not the backlog's last. */
START_TEST(welcome_clock_after_backlog)
{
	struct view	v;

	view_init(&v);
	apply(&v, "{\"type\":\"welcome\",\"you\":{\"kind\":\"observer\"},"
	    "\"exercise\":{\"roles\":[]},\"clock\":{\"type\":\"clock\","
	    "\"t\":7200000,\"state\":\"running\",\"speed\":60},\"backlog\":["
	    "{\"type\":\"clock\",\"t\":0,\"state\":\"running\",\"speed\":60},"
	    "{\"type\":\"clock\",\"t\":1800000,\"state\":\"running\","
	    "\"speed\":60}]}", 5000);
	ck_assert_int_eq(view_now(&v, 5000), 7200000);
	ck_assert_int_eq(view_now(&v, 6000), 7260000);
	view_free(&v);
}
END_TEST

/* An ad hoc inject has no number the server could check a forward
 * against: the console keeps its label, and RED stays put. */
START_TEST(adhoc_forward_keeps_label)
{
	struct view	v;

	view_init(&v);
	apply(&v, welcome_player, 0);
	apply(&v, "{\"seq\":4,\"t\":1,\"type\":\"adhoc\",\"to\":["
	    "\"grid-soc\"],\"title\":\"Tip\",\"body\":\"b\",\"tlp\":"
	    "\"amber+strict\"}", 0);
	apply(&v, "{\"seq\":5,\"t\":2,\"type\":\"adhoc\",\"to\":["
	    "\"grid-soc\"],\"title\":\"Source\",\"body\":\"b\",\"tlp\":"
	    "\"red\"}", 0);
	press(&v, VIEW_KEY_DOWN);
	ck_assert_str_eq(v.items[v.sel].title, "Tip");
	press(&v, 's');
	press(&v, ' ');
	press(&v, VIEW_KEY_ENTER);
	ck_assert_uint_eq(v.prompt.nopts, 2);
	ck_assert_str_eq(v.prompt.opts[0], "TLP:AMBER+STRICT");
	ck_assert_uint_eq(v.prompt.sel, 0);
	press(&v, VIEW_KEY_ESC);
	press(&v, VIEW_KEY_DOWN);
	ck_assert_str_eq(press(&v, 's'), "");
	ck_assert_int_eq(v.prompt.kind, VP_NONE);
	ck_assert_str_eq(v.status, "TLP:RED is for its named recipients "
	    "only: it may not be forwarded.");
	view_free(&v);
}
END_TEST

START_TEST(chat_targets)
{
	struct view	v;

	view_init(&v);
	apply(&v, welcome_player, 0);
	press(&v, 'c');
	/* control, the other roles, each org, each team once */
	ck_assert_uint_eq(v.prompt.nopts, 6);
	ck_assert_str_eq(v.prompt.keys[0], "");
	ck_assert_str_eq(v.prompt.keys[3], "org:grid");
	ck_assert_str_eq(v.prompt.keys[5], "team:uk");
	press(&v, '6');
	type_text(&v, "All UK: stand by");
	ck_assert_str_eq(press(&v, VIEW_KEY_ENTER), "{\"type\":\"chat\","
	    "\"id\":1,\"to\":{\"team\":\"uk\"},\"text\":\"All UK: stand by\"}");
	press(&v, 'c');
	press(&v, '1');
	type_text(&v, "Help");
	ck_assert_str_eq(press(&v, VIEW_KEY_ENTER), "{\"type\":\"chat\","
	    "\"id\":2,\"to\":{\"control\":true},\"text\":\"Help\"}");
	view_free(&v);
}
END_TEST

static void
add_tests(TCase *tc)
{
	tcase_add_test(tc, chat_targets);
	tcase_add_test(tc, staff_waiting_and_scroll);
	tcase_add_test(tc, adhoc_forward_keeps_label);
	tcase_add_test(tc, welcome_clock_after_backlog);
	tcase_add_test(tc, reading_scrolls);
	tcase_add_test(tc, hotwash_long_question);
	tcase_add_test(tc, hotwash_after_the_end);
	tcase_add_test(tc, inbox_from_welcome);
	tcase_add_test(tc, reconnect_adds_nothing_twice);
	tcase_add_test(tc, deadline_states);
	tcase_add_test(tc, ack_and_decide_keys);
	tcase_add_test(tc, share_picks_roles_and_label);
	tcase_add_test(tc, share_names_the_delivery);
	tcase_add_test(tc, note_editor);
	tcase_add_test(tc, messages_and_own_sends);
	tcase_add_test(tc, control_timeline_and_keys);
	tcase_add_test(tc, roster_for_staff);
}

#define SUITE_NAME "view"
#include "tcheck.h"
