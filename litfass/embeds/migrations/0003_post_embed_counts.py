from django.db import migrations
from django.db.models import Count


def count_embeds(apps, schema_editor):
    """Posts keep the number of their embeds from now on; count those made before."""
    Post = apps.get_model("content", "Post")
    PostEmbed = apps.get_model("embeds", "PostEmbed")
    counts = PostEmbed.objects.values("post_id").annotate(n=Count("id")).order_by()
    for row in counts:
        Post.objects.filter(pk=row["post_id"]).update(embed_count=row["n"])


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0004_post_embed_count"),
        ("embeds", "0002_post_embeds"),
    ]

    operations = [migrations.RunPython(count_embeds, migrations.RunPython.noop)]
