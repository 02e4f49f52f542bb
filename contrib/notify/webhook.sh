#!/bin/sh
# Posts each lifeline notification as JSON to any HTTP endpoint (your own service, a
# workflow tool). The X-Lifeline-Notification header carries the ids: delivery is at
# least once, so a receiver drops an id it has seen.
#   lifeline notify --exec contrib/notify/webhook.sh --format json
: "${WEBHOOK_URL:?set WEBHOOK_URL to the endpoint's URL}"
exec curl -sf --max-time 20 --data-binary @- -H 'Content-Type: application/json' \
    -H "X-Lifeline-Notification: $LIFELINE_NOTIFICATION_IDS" "$WEBHOOK_URL"
