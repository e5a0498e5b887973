from __future__ import annotations

import datetime as dt

from django.core.management import call_command
from django.utils import timezone

from litfass.accounts.models import User
from litfass.social import delivery, services
from litfass.social.models import Follow, Notification, PostFanout


def test_new_posts_are_announced_to_followers_once(
    reader, outsider, reporter, publish, mailoutbox, django_capture_on_commit_callbacks
):
    services.follow_profile(profile=reporter.profile, by=reader.user)
    services.follow_profile(profile=reporter.profile, by=outsider.user)
    services.mute_profile(profile=reporter.profile, by=outsider.user)
    services.set_preferences(user=reader.user, emails={"followed_post": "immediate"})
    post = publish(reporter.profile, "Neu von Rita")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("notify_new_posts")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("notify_new_posts")
    notes = Notification.objects.filter(kind="followed_post")
    assert [n.recipient for n in notes] == [reader.user]  # the muting follower hears nothing
    assert PostFanout.objects.get(post=post).done_at is not None
    assert len(mailoutbox) == 1 and "Neu von Rita" in mailoutbox[0].subject


def test_old_posts_are_not_announced(reader, reporter, publish):
    services.follow_profile(profile=reporter.profile, by=reader.user)
    publish(reporter.profile, "Alt")
    services.notify_new_posts(now=timezone.now() + dt.timedelta(days=3))
    assert not Notification.objects.filter(kind="followed_post").exists()


def test_fan_out_runs_again_after_a_crash_without_duplicates(reader, reporter, publish):
    services.follow_profile(profile=reporter.profile, by=reader.user)
    post = publish(reporter.profile, "Neu")
    assert delivery.fan_out(post.pk, send=lambda ids: None) == 1
    PostFanout.objects.filter(post=post).update(done_at=None)  # as if the task died at the end
    assert delivery.fan_out(post.pk, send=lambda ids: None) == 0
    assert Notification.objects.filter(kind="followed_post").count() == 1


def test_fan_out_batches_many_followers_in_few_queries(
    reporter, publish, django_assert_max_num_queries
):
    users = User.objects.bulk_create(
        [User(username=f"leser{n}", email=f"leser{n}@example.org") for n in range(2000)]
    )
    Follow.objects.bulk_create(
        [Follow(follower=u, target="profile", profile=reporter.profile) for u in users]
    )
    post = publish(reporter.profile, "Für alle")
    sent: list[list[int]] = []
    # per batch of 1,000: followers, preferences, insert (+ savepoint); plus post, claim, done
    with django_assert_max_num_queries(20):
        told = delivery.fan_out(post.pk, send=sent.append, batch_size=1000)
    assert told == 2000
    assert Notification.objects.filter(kind="followed_post", post=post).count() == 2000
    assert sent == []  # default preference: digest, no immediate e-mails
